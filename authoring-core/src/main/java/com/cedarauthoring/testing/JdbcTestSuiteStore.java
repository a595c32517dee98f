package com.cedarauthoring.testing;

import com.cedarauthoring.errors.ConflictException;
import com.cedarauthoring.json.Json;
import com.cedarauthoring.store.Jdbc;
import com.cedarauthoring.store.Page;
import com.cedarauthoring.store.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** {@link TestSuiteStore} over the service database (H2 or PostgreSQL, migration V12). */
public final class JdbcTestSuiteStore implements TestSuiteStore {
    private static final String COLUMNS = "policy_engine_id, name, gateway_arn, cases, case_count, created_by, created_at, "
            + "updated_by, updated_at";

    private final Jdbc jdbc;

    public JdbcTestSuiteStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public TestSuite put(TestSuite suite, int maxSuites) {
        return jdbc.inTransaction(() -> {
            // the engine's row lock orders concurrent saves of one engine, so the count below stays exact
            jdbc.query("SELECT policy_engine_id FROM policy_engines WHERE policy_engine_id = ? FOR UPDATE", rs -> 1,
                    suite.policyEngineId());
            Optional<TestSuite> existing = find(suite.policyEngineId(), suite.name());
            if (existing.isPresent()) {
                TestSuite next = existing.get().replacedBy(suite);
                jdbc.update("UPDATE test_suites SET gateway_arn = ?, cases = ?, case_count = ?, updated_by = ?, updated_at = ? "
                                + "WHERE policy_engine_id = ? AND name = ?", next.gatewayArn(), next.cases().toString(),
                        next.cases().size(), next.updatedBy(), next.updatedAt(), next.policyEngineId(), next.name());
                return next;
            }
            long count = jdbc.queryOne("SELECT COUNT(*) FROM test_suites WHERE policy_engine_id = ?", rs -> rs.getLong(1),
                    suite.policyEngineId()).orElse(0L);
            if (count >= maxSuites) {
                throw new ConflictException("Policy engine " + suite.policyEngineId() + " already has " + maxSuites
                        + " test suites, the most it can have; delete one first");
            }
            jdbc.update("INSERT INTO test_suites (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", suite.policyEngineId(),
                    suite.name(), suite.gatewayArn(), suite.cases().toString(), suite.cases().size(), suite.createdBy(),
                    suite.createdAt(), suite.updatedBy(), suite.updatedAt());
            return suite;
        });
    }

    @Override
    public Optional<TestSuite> find(String policyEngineId, String name) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM test_suites WHERE policy_engine_id = ? AND name = ?",
                JdbcTestSuiteStore::suite, policyEngineId, name);
    }

    @Override
    public Page<TestSuite> list(String policyEngineId, PageRequest page) {
        return Page.fromOverfetch(jdbc.query("SELECT " + COLUMNS + " FROM test_suites WHERE policy_engine_id = ? "
                + "ORDER BY name LIMIT ? OFFSET ?", JdbcTestSuiteStore::suite, policyEngineId, page.maxResults() + 1,
                page.offset()), page);
    }

    @Override
    public boolean delete(String policyEngineId, String name) {
        return jdbc.update("DELETE FROM test_suites WHERE policy_engine_id = ? AND name = ?", policyEngineId, name) > 0;
    }

    private static TestSuite suite(ResultSet rs) throws SQLException {
        try {
            return new TestSuite(rs.getString("policy_engine_id"), rs.getString("name"), rs.getString("gateway_arn"),
                    Json.mapper().readTree(rs.getString("cases")), rs.getString("created_by"), Jdbc.instant(rs, "created_at"),
                    rs.getString("updated_by"), Jdbc.instant(rs, "updated_at"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored test suite " + rs.getString("name") + " is not JSON", e);
        }
    }
}
