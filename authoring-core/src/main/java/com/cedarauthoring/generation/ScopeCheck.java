package com.cedarauthoring.generation;

import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.gateway.ToolAction;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A generated policy never reaches beyond its generation's gateway (cedar-conventions.md section 2):
 * the resource is exactly that gateway, and every action named is one of its tools (or, for
 * {@code action in}, one of its targets). Works on the EST so it judges every translator alike.
 */
public final class ScopeCheck {
    private static final String ACTION_TYPE = GatewaySchema.NAMESPACE + "::Action";
    private static final String GATEWAY_TYPE = GatewaySchema.NAMESPACE + "::Gateway";

    private ScopeCheck() {}

    /** Problems found, empty when the scope is within the gateway. */
    public static List<String> violations(JsonNode est, GatewaySchema schema) {
        List<String> problems = new ArrayList<>();
        JsonNode resource = est.path("resource");
        Optional<Entity> gateway = entity(resource.path("entity"));
        if (!"==".equals(resource.path("op").asText())
                || gateway.isEmpty()
                || !gateway.get().type().equals(GATEWAY_TYPE)
                || !gateway.get().id().equals(schema.gatewayArn())) {
            problems.add("the policy must be scoped to resource == " + GATEWAY_TYPE + "::\"" + schema.gatewayArn() + "\"");
        }
        Set<String> tools = schema.actions().stream().map(ToolAction::actionId).collect(Collectors.toSet());
        Set<String> targets = Set.copyOf(schema.targetNames());
        JsonNode action = est.path("action");
        String op = action.path("op").asText();
        List<JsonNode> named = new ArrayList<>();
        if (action.has("entity")) {
            named.add(action.get("entity"));
        }
        action.path("entities").forEach(named::add);
        switch (op) {
            case "All" -> { }
            case "==", "in" -> {
                for (JsonNode n : named) {
                    Optional<Entity> e = entity(n);
                    boolean ok = e.isPresent() && e.get().type().equals(ACTION_TYPE)
                            && (tools.contains(e.get().id()) || ("in".equals(op) && targets.contains(e.get().id())));
                    if (!ok) {
                        problems.add("action " + e.map(Entity::display).orElse(n.toString())
                                + " is not a tool of gateway " + schema.gatewayArn());
                    }
                }
            }
            default -> problems.add("unsupported action scope '" + op + "'");
        }
        return problems;
    }

    private record Entity(String type, String id) {
        String display() {
            return type + "::\"" + id + "\"";
        }
    }

    private static Optional<Entity> entity(JsonNode node) {
        JsonNode n = node.has("__entity") ? node.get("__entity") : node;
        if (!n.hasNonNull("type") || !n.hasNonNull("id")) {
            return Optional.empty();
        }
        return Optional.of(new Entity(n.get("type").asText(), n.get("id").asText()));
    }
}
