package com.cedarauthoring.gateway;

import com.cedarauthoring.errors.ConflictException;
import com.cedarauthoring.json.Json;
import com.cedarauthoring.store.Jdbc;
import com.cedarauthoring.store.Page;
import com.cedarauthoring.store.PageRequest;
import com.cedarauthoring.store.StoreException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link GatewayStore} in plain SQL that runs on H2 (PostgreSQL mode) and PostgreSQL. */
public final class JdbcGatewayStore implements GatewayStore {
    private static final String GATEWAY_COLUMNS = "gateway_id, name, gateway_arn, authorizer_type, policy_engine_arn, "
            + "policy_engine_mode, status, schema_version, document, created_at, updated_at";
    private static final String TARGET_COLUMNS = "gateway_id, target_id, name, status, document, tools, created_at, updated_at";
    private final Jdbc jdbc;

    public JdbcGatewayStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insertGateway(Gateway g) {
        try {
            jdbc.update("INSERT INTO gateways (" + GATEWAY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    g.gatewayId(), g.name(), g.gatewayArn(), g.authorizerType().name(),
                    g.policyEngine().map(Gateway.PolicyEngineConfiguration::arn).orElse(null),
                    g.policyEngine().map(p -> p.mode().name()).orElse(null),
                    g.status(), g.schemaVersion(), write(g.document()), g.createdAt(), g.updatedAt());
        } catch (StoreException e) {
            throw nameConflict(e, "A gateway named '" + g.name() + "' already exists");
        }
    }

    @Override
    public boolean updateGateway(Gateway g) {
        try {
            return jdbc.update("UPDATE gateways SET name = ?, authorizer_type = ?, policy_engine_arn = ?, "
                            + "policy_engine_mode = ?, status = ?, schema_version = ?, document = ?, updated_at = ? "
                            + "WHERE gateway_id = ?",
                    g.name(), g.authorizerType().name(),
                    g.policyEngine().map(Gateway.PolicyEngineConfiguration::arn).orElse(null),
                    g.policyEngine().map(p -> p.mode().name()).orElse(null),
                    g.status(), g.schemaVersion(), write(g.document()), g.updatedAt(), g.gatewayId()) == 1;
        } catch (StoreException e) {
            throw nameConflict(e, "A gateway named '" + g.name() + "' already exists");
        }
    }

    @Override
    public boolean deleteGateway(String gatewayId) {
        return jdbc.inTransaction(() -> {
            jdbc.update("DELETE FROM gateway_targets WHERE gateway_id = ?", gatewayId);
            return jdbc.update("DELETE FROM gateways WHERE gateway_id = ?", gatewayId) == 1;
        });
    }

    @Override
    public Optional<Gateway> gateway(String gatewayId) {
        return jdbc.queryOne("SELECT " + GATEWAY_COLUMNS + " FROM gateways WHERE gateway_id = ?", this::gatewayRow, gatewayId);
    }

    @Override
    public Optional<Gateway> gatewayForUpdate(String gatewayId) {
        return jdbc.queryOne("SELECT " + GATEWAY_COLUMNS + " FROM gateways WHERE gateway_id = ? FOR UPDATE",
                this::gatewayRow, gatewayId);
    }

    @Override
    public Optional<Gateway> lockForSchemaChange(String gatewayId) {
        return jdbc.inTransaction(() -> {
            int n = jdbc.update("UPDATE gateways SET schema_version = schema_version + 1 WHERE gateway_id = ?", gatewayId);
            return n == 1 ? gateway(gatewayId) : Optional.empty();
        });
    }

    @Override
    public Page<Gateway> gateways(PageRequest page) {
        List<Gateway> rows = jdbc.query("SELECT " + GATEWAY_COLUMNS + " FROM gateways ORDER BY created_at, gateway_id "
                + "LIMIT ? OFFSET ?", this::gatewayRow, page.maxResults() + 1, page.offset());
        return Page.fromOverfetch(rows, page);
    }

    @Override
    public List<Gateway> gatewaysAttachedTo(String policyEngineArn) {
        return jdbc.query("SELECT " + GATEWAY_COLUMNS + " FROM gateways WHERE policy_engine_arn = ? "
                + "ORDER BY created_at, gateway_id", this::gatewayRow, policyEngineArn);
    }

    @Override
    public void insertTarget(GatewayTarget t) {
        try {
            jdbc.update("INSERT INTO gateway_targets (" + TARGET_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    t.gatewayId(), t.targetId(), t.name(), t.status(), write(t.document()), writeTools(t.tools()),
                    t.createdAt(), t.updatedAt());
        } catch (StoreException e) {
            throw nameConflict(e, "The gateway already has a target named '" + t.name() + "'");
        }
    }

    @Override
    public boolean updateTarget(GatewayTarget t) {
        try {
            return jdbc.update("UPDATE gateway_targets SET name = ?, status = ?, document = ?, tools = ?, updated_at = ? "
                            + "WHERE gateway_id = ? AND target_id = ?",
                    t.name(), t.status(), write(t.document()), writeTools(t.tools()), t.updatedAt(),
                    t.gatewayId(), t.targetId()) == 1;
        } catch (StoreException e) {
            throw nameConflict(e, "The gateway already has a target named '" + t.name() + "'");
        }
    }

    @Override
    public boolean deleteTarget(String gatewayId, String targetId) {
        return jdbc.update("DELETE FROM gateway_targets WHERE gateway_id = ? AND target_id = ?", gatewayId, targetId) == 1;
    }

    @Override
    public Optional<GatewayTarget> target(String gatewayId, String targetId) {
        return jdbc.queryOne("SELECT " + TARGET_COLUMNS + " FROM gateway_targets WHERE gateway_id = ? AND target_id = ?",
                this::targetRow, gatewayId, targetId);
    }

    @Override
    public Page<GatewayTarget> targets(String gatewayId, PageRequest page) {
        List<GatewayTarget> rows = jdbc.query("SELECT " + TARGET_COLUMNS + " FROM gateway_targets WHERE gateway_id = ? "
                + "ORDER BY created_at, target_id LIMIT ? OFFSET ?", this::targetRow, gatewayId, page.maxResults() + 1,
                page.offset());
        return Page.fromOverfetch(rows, page);
    }

    @Override
    public List<GatewayTarget> allTargets(String gatewayId) {
        return jdbc.query("SELECT " + TARGET_COLUMNS + " FROM gateway_targets WHERE gateway_id = ? "
                + "ORDER BY created_at, target_id", this::targetRow, gatewayId);
    }

    private Gateway gatewayRow(ResultSet rs) throws SQLException {
        String engineArn = rs.getString("policy_engine_arn");
        Optional<Gateway.PolicyEngineConfiguration> engine = engineArn == null ? Optional.empty()
                : Optional.of(new Gateway.PolicyEngineConfiguration(engineArn,
                        Gateway.PolicyEngineConfiguration.Mode.valueOf(rs.getString("policy_engine_mode"))));
        return new Gateway(rs.getString("gateway_id"), rs.getString("gateway_arn"), rs.getString("name"),
                AuthorizerType.valueOf(rs.getString("authorizer_type")), engine, rs.getString("status"),
                rs.getLong("schema_version"), (ObjectNode) read(rs.getString("document")),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"));
    }

    private GatewayTarget targetRow(ResultSet rs) throws SQLException {
        return new GatewayTarget(rs.getString("gateway_id"), rs.getString("target_id"), rs.getString("name"),
                rs.getString("status"), (ObjectNode) read(rs.getString("document")), readTools(rs.getString("tools")),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"));
    }

    private record StoredTool(String name, String description, JsonNode inputSchema) {}

    private static String writeTools(List<Tool> tools) {
        List<StoredTool> stored = new ArrayList<>();
        tools.forEach(t -> stored.add(new StoredTool(t.name(), t.description(), t.inputSchema())));
        try {
            return Json.mapper().writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tools could not be written", e);
        }
    }

    private static List<Tool> readTools(String text) {
        try {
            List<StoredTool> stored = Json.mapper().readValue(text, new TypeReference<List<StoredTool>>() {});
            return stored.stream().map(s -> new Tool(s.name(), s.description(), s.inputSchema())).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored tools are not valid JSON", e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return Json.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("document could not be written", e);
        }
    }

    private static JsonNode read(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored document is not valid JSON", e);
        }
    }

    private static RuntimeException nameConflict(StoreException e, String message) {
        return Jdbc.isUniqueViolation(e) ? new ConflictException(message) : e;
    }
}
