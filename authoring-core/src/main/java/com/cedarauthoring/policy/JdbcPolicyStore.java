package com.cedarauthoring.policy;

import com.cedarauthoring.errors.ConflictException;
import com.cedarauthoring.errors.ResourceNotFoundException;
import com.cedarauthoring.json.Json;
import com.cedarauthoring.store.Jdbc;
import com.cedarauthoring.store.Page;
import com.cedarauthoring.store.PageRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** {@link PolicyStore} on plain SQL that runs on H2 (PostgreSQL mode) and PostgreSQL. */
public final class JdbcPolicyStore implements PolicyStore {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final String ENGINE_COLUMNS =
            "policy_engine_id, name, arn, description, encryption_key_arn, status, status_reasons, created_at, updated_at";
    private static final String POLICY_COLUMNS = "policy_id, policy_engine_id, name, arn, description, definition_kind,"
            + " statement, resource_scope, validation_mode, enforcement_mode, status, status_reasons, created_at, updated_at";

    private final Jdbc jdbc;

    public JdbcPolicyStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insertEngine(PolicyEngine e) {
        try {
            jdbc.update("INSERT INTO policy_engines (" + ENGINE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    e.policyEngineId(), e.name(), e.policyEngineArn(), e.description(), e.encryptionKeyArn(),
                    e.status().name(),
                    reasons(e.statusReasons()), e.createdAt(), e.updatedAt());
        } catch (RuntimeException ex) {
            if (Jdbc.isUniqueViolation(ex)) {
                throw new ConflictException("A policy engine named " + e.name() + " already exists");
            }
            throw ex;
        }
    }

    @Override
    public Optional<PolicyEngine> findEngine(String id) {
        return jdbc.queryOne("SELECT " + ENGINE_COLUMNS + " FROM policy_engines WHERE policy_engine_id = ?",
                JdbcPolicyStore::engine, id);
    }

    @Override
    public Optional<PolicyEngine> findEngineForUpdate(String id) {
        return jdbc.queryOne("SELECT " + ENGINE_COLUMNS + " FROM policy_engines WHERE policy_engine_id = ? FOR UPDATE",
                JdbcPolicyStore::engine, id);
    }

    /**
     * An update that changes nothing takes the same row lock as {@code SELECT ... FOR UPDATE} on both databases
     * (on PostgreSQL a {@code FOR NO KEY UPDATE} lock, which conflicts with the delete's {@code FOR UPDATE}) and
     * answers whether the row exists. H2 keeps the parse of data-change statements in its query cache but never
     * that of a {@code FOR UPDATE} query, which it parses again on every call: a CreatePolicy paid that parse.
     */
    @Override
    public boolean lockEngine(String id) {
        return jdbc.update("UPDATE policy_engines SET status = status WHERE policy_engine_id = ?", id) > 0;
    }

    @Override
    public Page<PolicyEngine> listEngines(PageRequest page) {
        List<PolicyEngine> rows = jdbc.query("SELECT " + ENGINE_COLUMNS + " FROM policy_engines"
                        + " ORDER BY created_at, policy_engine_id LIMIT ? OFFSET ?",
                JdbcPolicyStore::engine, page.maxResults() + 1, page.offset());
        return Page.fromOverfetch(rows, page);
    }

    @Override
    public void updateEngine(PolicyEngine e) {
        jdbc.update("UPDATE policy_engines SET description = ?, status = ?, status_reasons = ?, updated_at = ?"
                        + " WHERE policy_engine_id = ?",
                e.description(), e.status().name(), reasons(e.statusReasons()), e.updatedAt(), e.policyEngineId());
    }

    @Override
    public List<String> gatewaysReferencing(String policyEngineArn) {
        return jdbc.query("SELECT gateway_arn FROM gateways WHERE policy_engine_arn = ? ORDER BY created_at, gateway_id",
                rs -> rs.getString(1), policyEngineArn);
    }

    @Override
    public boolean deleteEngineIfEmpty(String id) {
        return jdbc.inTransaction(() -> {
            if (findEngineForUpdate(id).isEmpty()) {
                return true; // already gone
            }
            int policies = jdbc.queryOne("SELECT COUNT(*) FROM policies WHERE policy_engine_id = ?",
                    rs -> rs.getInt(1), id).orElse(0);
            if (policies > 0) {
                return false;
            }
            jdbc.update("DELETE FROM policy_engines WHERE policy_engine_id = ?", id);
            return true;
        });
    }

    @Override
    public void insertPolicy(Policy p) {
        try {
            jdbc.update("INSERT INTO policies (" + POLICY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    p.policyId(), p.policyEngineId(), p.name(), p.policyArn(), p.description(), p.kind().name(),
                    p.statement(), p.resourceScope(), p.validationMode().name(), p.enforcementMode().name(),
                    p.status().name(), reasons(p.statusReasons()), p.createdAt(), p.updatedAt());
        } catch (RuntimeException ex) {
            if (Jdbc.isForeignKeyViolation(ex)) {
                // the engine was deleted concurrently (callers lock it first; this is the last line of defence)
                throw new ResourceNotFoundException("Policy engine " + p.policyEngineId() + " not found");
            }
            if (Jdbc.isUniqueViolation(ex)) {
                throw new ConflictException("A policy named " + p.name() + " already exists in policy engine "
                        + p.policyEngineId());
            }
            throw ex;
        }
    }

    @Override
    public Optional<Policy> findPolicy(String engineId, String policyId) {
        return jdbc.queryOne("SELECT " + POLICY_COLUMNS + " FROM policies WHERE policy_engine_id = ? AND policy_id = ?",
                JdbcPolicyStore::policy, engineId, policyId);
    }

    @Override
    public Optional<Policy> findPolicyForUpdate(String engineId, String policyId) {
        return jdbc.queryOne("SELECT " + POLICY_COLUMNS + " FROM policies WHERE policy_engine_id = ? AND policy_id = ?"
                + " FOR UPDATE", JdbcPolicyStore::policy, engineId, policyId);
    }

    @Override
    public Page<Policy> listPolicies(String engineId, Optional<String> scope, PageRequest page) {
        List<Policy> rows = scope.isPresent()
                ? jdbc.query("SELECT " + POLICY_COLUMNS + " FROM policies WHERE policy_engine_id = ?"
                                + " AND (resource_scope = ? OR resource_scope IS NULL)"
                                + " ORDER BY created_at, policy_id LIMIT ? OFFSET ?",
                        JdbcPolicyStore::policy, engineId, scope.get(), page.maxResults() + 1, page.offset())
                : jdbc.query("SELECT " + POLICY_COLUMNS + " FROM policies WHERE policy_engine_id = ?"
                                + " ORDER BY created_at, policy_id LIMIT ? OFFSET ?",
                        JdbcPolicyStore::policy, engineId, page.maxResults() + 1, page.offset());
        return Page.fromOverfetch(rows, page);
    }

    @Override
    public void updatePolicy(Policy p) {
        jdbc.update("UPDATE policies SET description = ?, definition_kind = ?, statement = ?, resource_scope = ?,"
                        + " validation_mode = ?, enforcement_mode = ?, status = ?, status_reasons = ?, updated_at = ?"
                        + " WHERE policy_engine_id = ? AND policy_id = ?",
                p.description(), p.kind().name(), p.statement(), p.resourceScope(), p.validationMode().name(),
                p.enforcementMode().name(), p.status().name(), reasons(p.statusReasons()), p.updatedAt(),
                p.policyEngineId(), p.policyId());
    }

    @Override
    public boolean deletePolicy(String engineId, String policyId) {
        return jdbc.update("DELETE FROM policies WHERE policy_engine_id = ? AND policy_id = ?", engineId, policyId) > 0;
    }

    private static PolicyEngine engine(ResultSet rs) throws SQLException {
        return new PolicyEngine(rs.getString("policy_engine_id"), rs.getString("name"), rs.getString("arn"),
                rs.getString("description"), rs.getString("encryption_key_arn"), PolicyStatus.valueOf(rs.getString("status")),
                reasons(rs.getString("status_reasons")), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"));
    }

    private static Policy policy(ResultSet rs) throws SQLException {
        return new Policy(rs.getString("policy_id"), rs.getString("policy_engine_id"), rs.getString("name"),
                rs.getString("arn"), rs.getString("description"), StatementKind.valueOf(rs.getString("definition_kind")),
                rs.getString("statement"), rs.getString("resource_scope"),
                ValidationMode.valueOf(rs.getString("validation_mode")),
                EnforcementMode.valueOf(rs.getString("enforcement_mode")), PolicyStatus.valueOf(rs.getString("status")),
                reasons(rs.getString("status_reasons")), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"));
    }

    private static String reasons(List<String> reasons) {
        if (reasons.isEmpty()) {
            return "[]"; // every ACTIVE policy and engine: no serialiser needed
        }
        try {
            return Json.mapper().writeValueAsString(reasons);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> reasons(String json) {
        if ("[]".equals(json)) {
            return List.of(); // every ACTIVE policy and engine, read on every create and get: no parser needed
        }
        try {
            return Json.mapper().readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored status reasons are not a JSON list", e);
        }
    }
}
