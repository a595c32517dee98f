package com.cedarauthoring.testing;

import com.cedarauthoring.json.Json;
import com.cedarauthoring.store.Jdbc;
import com.cedarauthoring.store.Page;
import com.cedarauthoring.store.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** {@link TestRunStore} over the service database (H2 or PostgreSQL, migration V10). */
public final class JdbcTestRunStore implements TestRunStore {
    private static final String COLUMNS = "test_run_id, policy_engine_id, policy_generation_id, policy_generation_asset_id, "
            + "created_by, created_at, passed, failed, result";

    private final Jdbc jdbc;

    public JdbcTestRunStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(SavedTestRun r) {
        jdbc.update("INSERT INTO test_runs (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", r.testRunId(), r.policyEngineId(),
                r.attachedTo().map(SavedTestRun.AssetRef::policyGenerationId).orElse(null),
                r.attachedTo().map(SavedTestRun.AssetRef::policyGenerationAssetId).orElse(null),
                r.createdBy(), r.createdAt(), (int) r.passed(), (int) r.failed(), r.result().toString());
    }

    @Override
    public Page<SavedTestRun> list(String policyEngineId, Optional<SavedTestRun.AssetRef> attachedTo, PageRequest page) {
        if (attachedTo.isPresent()) {
            return Page.fromOverfetch(jdbc.query("SELECT " + COLUMNS + " FROM test_runs WHERE policy_engine_id = ? "
                            + "AND policy_generation_id = ? AND policy_generation_asset_id = ? ORDER BY created_at DESC, test_run_id "
                            + "LIMIT ? OFFSET ?", JdbcTestRunStore::run, policyEngineId, attachedTo.get().policyGenerationId(),
                    attachedTo.get().policyGenerationAssetId(), page.maxResults() + 1, page.offset()), page);
        }
        return Page.fromOverfetch(jdbc.query("SELECT " + COLUMNS + " FROM test_runs WHERE policy_engine_id = ? "
                        + "ORDER BY created_at DESC, test_run_id LIMIT ? OFFSET ?", JdbcTestRunStore::run, policyEngineId,
                page.maxResults() + 1, page.offset()), page);
    }

    private static SavedTestRun run(ResultSet rs) throws SQLException {
        String generation = rs.getString("policy_generation_id");
        Optional<SavedTestRun.AssetRef> ref = generation == null ? Optional.empty()
                : Optional.of(new SavedTestRun.AssetRef(generation, rs.getString("policy_generation_asset_id")));
        try {
            return new SavedTestRun(rs.getString("test_run_id"), rs.getString("policy_engine_id"), ref, rs.getString("created_by"),
                    Jdbc.instant(rs, "created_at"), rs.getInt("passed"), rs.getInt("failed"),
                    Json.mapper().readTree(rs.getString("result")));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored test run " + rs.getString("test_run_id") + " is not JSON", e);
        }
    }
}
