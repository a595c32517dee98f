package com.cedarauthoring.audit;

import com.cedarauthoring.errors.ValidationException;
import java.util.Optional;

/** {@code GET /audit-events} filters; absent means any. */
public record AuditFilter(Optional<String> resourceArn, Optional<String> principal) {
    public AuditFilter {
        resourceArn = resourceArn == null ? Optional.empty() : resourceArn.filter(s -> !s.isEmpty());
        principal = principal == null ? Optional.empty() : principal.filter(s -> !s.isEmpty());
        resourceArn.ifPresent(a -> {
            if (a.length() > 1011) {
                throw ValidationException.field("resourceArn", "Member must have length less than or equal to 1011");
            }
        });
        principal.ifPresent(p -> {
            if (p.length() > 128) {
                throw ValidationException.field("principal", "Member must have length less than or equal to 128");
            }
        });
    }

    public static AuditFilter none() {
        return new AuditFilter(Optional.empty(), Optional.empty());
    }
}
