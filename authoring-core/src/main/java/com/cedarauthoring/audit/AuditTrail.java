package com.cedarauthoring.audit;

import com.cedarauthoring.store.Page;
import com.cedarauthoring.store.PageRequest;

/** The append-only audit trail. There is deliberately no update or delete. */
public interface AuditTrail {
    /** Appends one event, joining the caller's transaction if there is one (so it commits with the change). */
    AuditEvent append(AuditEntry entry);

    /** Oldest first. */
    Page<AuditEvent> list(AuditFilter filter, PageRequest page);

    /** Re-walks the whole chain and reports the first event that does not hold. */
    Verification verify();
}
