package com.cedarauthoring.testing;

import com.cedarauthoring.audit.AuditEntry;
import com.cedarauthoring.audit.AuditTrail;
import com.cedarauthoring.naming.Arns;
import com.cedarauthoring.store.Page;
import com.cedarauthoring.store.PageRequest;
import com.cedarauthoring.store.Transactions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Saved test runs: evidence for a review, so saving one is a state change and appends its audit event (by the
 * principal who ran it) in the same transaction.
 */
public final class TestRuns {
    private final TestRunStore store;
    private final Transactions transactions;
    private final AuditTrail audit;
    private final Arns arns;

    public TestRuns(TestRunStore store, Transactions transactions, AuditTrail audit, Arns arns) {
        this.store = store;
        this.transactions = transactions;
        this.audit = audit;
        this.arns = arns;
    }

    public void save(SavedTestRun run) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("testRunId", run.testRunId());
        details.put("passed", run.passed());
        details.put("failed", run.failed());
        run.attachedTo().ifPresent(a -> details.put("attachedTo", a));
        transactions.inTransaction(() -> {
            store.insert(run);
            // AgentCore gives test runs no ARN: the engine's, as targets and assets are named after their parent
            audit.append(AuditEntry.of(run.createdBy(), "SaveTestRun",
                    arns.policyEngine(run.policyEngineId()) + "/test-run/" + run.testRunId(), details, Optional.empty()));
            return null;
        });
    }

    /** Newest first: runs of an engine, or only those attached to one asset. */
    public Page<SavedTestRun> list(String policyEngineId, Optional<SavedTestRun.AssetRef> attachedTo, PageRequest page) {
        return store.list(policyEngineId, attachedTo, page);
    }
}
