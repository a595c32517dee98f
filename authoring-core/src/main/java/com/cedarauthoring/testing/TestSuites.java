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
 * Saved test suites: saving or deleting one is a state change, so each appends its audit event (by the
 * principal who made it) in the same transaction, filed under the engine's ARN like saved test runs.
 */
public final class TestSuites {
    private final TestSuiteStore store;
    private final Transactions transactions;
    private final AuditTrail audit;
    private final Arns arns;

    public TestSuites(TestSuiteStore store, Transactions transactions, AuditTrail audit, Arns arns) {
        this.store = store;
        this.transactions = transactions;
        this.audit = audit;
        this.arns = arns;
    }

    /** Creates or replaces the suite (see {@link TestSuiteStore#put}); {@code suite.updatedBy()} is who did it. */
    public TestSuite save(TestSuite suite, int maxSuites) {
        return transactions.inTransaction(() -> {
            TestSuite stored = store.put(suite, maxSuites);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("name", stored.name());
            details.put("caseCount", stored.cases().size());
            details.put("gatewayArn", stored.gatewayArn());
            audit.append(AuditEntry.of(suite.updatedBy(), "PutTestSuite", resourceArn(stored), details, Optional.empty()));
            return stored;
        });
    }

    /** @return whether there was such a suite (and so an audit event) */
    public boolean delete(String policyEngineId, String name, String by) {
        return transactions.inTransaction(() -> {
            Optional<TestSuite> existing = store.find(policyEngineId, name);
            if (existing.isEmpty() || !store.delete(policyEngineId, name)) {
                return false;
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("name", name);
            audit.append(AuditEntry.of(by, "DeleteTestSuite", resourceArn(existing.get()), details, Optional.empty()));
            return true;
        });
    }

    public Optional<TestSuite> find(String policyEngineId, String name) {
        return store.find(policyEngineId, name);
    }

    public Page<TestSuite> list(String policyEngineId, PageRequest page) {
        return store.list(policyEngineId, page);
    }

    // AgentCore has no test suites: named after their engine, as saved test runs are
    private String resourceArn(TestSuite suite) {
        return arns.policyEngine(suite.policyEngineId()) + "/test-suite/" + suite.name();
    }
}
