package com.cedarauthoring.gateway;

import com.cedarauthoring.errors.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * AgentCore's {@code targetType} of a target summary, read from which member of the
 * {@code TargetConfiguration} union ({@code mcp}, {@code http}, {@code inference}) and of its inner union is set.
 */
public final class TargetType {
    private static final Map<String, String> MCP = Map.of("lambda", "LAMBDA", "openApiSchema", "OPEN_API_SCHEMA",
            "smithyModel", "SMITHY_MODEL", "mcpServer", "MCP_SERVER", "apiGateway", "API_GATEWAY", "connector", "CONNECTOR");
    private static final Map<String, String> HTTP = Map.of("agentcoreRuntime", "AGENTCORE_RUNTIME",
            "passthrough", "PASSTHROUGH", "connector", "HTTP_CONNECTOR");
    private static final Map<String, String> INFERENCE = Map.of("connector", "CONNECTOR", "provider", "PROVIDER");
    private static final Map<String, Map<String, String>> UNION = Map.of("mcp", MCP, "http", HTTP, "inference", INFERENCE);

    private TargetType() {}

    /**
     * The target type; a ValidationException when the configuration is not exactly one member of the union
     * with exactly one known inner member (unknown inner members are ignored: the model may grow).
     */
    public static String of(JsonNode targetConfiguration) {
        String outer = single("targetConfiguration", targetConfiguration, UNION.keySet());
        String field = "targetConfiguration." + outer;
        String inner = single(field, targetConfiguration.get(outer), UNION.get(outer).keySet());
        return UNION.get(outer).get(inner);
    }

    private static String single(String field, JsonNode union, java.util.Set<String> members) {
        if (union == null || !union.isObject()) {
            throw ValidationException.field(field, "Member must be a structure (JSON object)");
        }
        List<String> set = new ArrayList<>();
        for (Iterator<String> it = union.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (members.contains(name) && !union.get(name).isNull()) {
                set.add(name);
            }
        }
        if (set.size() != 1) {
            throw ValidationException.field(field, "Member must set exactly one of " + members.stream().sorted().toList()
                    + " (found " + set.size() + ")");
        }
        return set.get(0);
    }
}
