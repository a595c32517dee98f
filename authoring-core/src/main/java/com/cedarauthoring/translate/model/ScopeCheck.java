package com.cedarauthoring.translate.model;

import com.cedarauthoring.gateway.Attribute;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.gateway.ToolAction;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a model may not do even when Cedar accepts the policy: reach beyond the generation's gateway
 * (resource must be exactly its ARN, actions only its tools or targets) or read a tag or an optional
 * attribute without the guard cedar-conventions.md requires in the same conjunction. Works on the EST
 * (Cedar's JSON form) so it sees the policy as Cedar parsed it, not as text.
 */
final class ScopeCheck {
    private static final String ACTION_TYPE = GatewaySchema.NAMESPACE + "::Action";
    private static final String GATEWAY_TYPE = GatewaySchema.NAMESPACE + "::Gateway";

    private ScopeCheck() {}

    /** Problems with a parsed, single policy's scope and guards; empty when none. */
    static List<String> check(JsonNode est, GatewaySchema schema) {
        List<String> problems = new ArrayList<>();
        JsonNode resource = est.path("resource");
        if (!"==".equals(resource.path("op").asText())
                || !GATEWAY_TYPE.equals(resource.path("entity").path("type").asText())
                || !schema.gatewayArn().equals(resource.path("entity").path("id").asText())) {
            problems.add("the resource must be exactly resource == " + GATEWAY_TYPE + "::\"" + schema.gatewayArn()
                    + "\" (the generation's gateway)");
        }
        Set<String> actionIds = new HashSet<>();
        schema.actions().forEach(a -> actionIds.add(a.actionId()));
        Set<String> targets = new HashSet<>(schema.targetNames());
        List<ToolAction> covered = new ArrayList<>();
        JsonNode action = est.path("action");
        String op = action.path("op").asText();
        List<JsonNode> entities = new ArrayList<>();
        if ("==".equals(op) || "in".equals(op) && action.has("entity")) {
            entities.add(action.path("entity"));
        } else if ("in".equals(op) && action.has("entities")) {
            action.path("entities").forEach(entities::add);
        } else if ("All".equals(op)) {
            covered.addAll(schema.actions());
        } else {
            problems.add("the action scope must be action, action == ..., or action in [...] of this gateway's tools");
        }
        for (JsonNode e : entities) {
            String id = e.path("id").asText();
            if (!ACTION_TYPE.equals(e.path("type").asText())) {
                problems.add("action " + e + " is not an " + ACTION_TYPE);
            } else if (actionIds.contains(id)) {
                schema.action(id).ifPresent(covered::add);
            } else if (targets.contains(id) && !"==".equals(op)) {
                schema.actions().stream().filter(a -> a.targetName().equals(id)).forEach(covered::add);
            } else {
                problems.add("action \"" + id + "\" is not a tool of this gateway; use one of " + actionIds);
            }
        }
        Set<String> optional = new HashSet<>();
        for (ToolAction a : covered) {
            for (Attribute attr : a.input().attributes()) {
                if (!attr.required()) {
                    optional.add(attr.name());
                }
            }
        }
        for (JsonNode condition : est.path("conditions")) {
            walk(condition.path("body"), Set.of(), optional, problems);
        }
        return problems.stream().distinct().toList();
    }

    /** Guards are "tag:k" and "has:f"; a guard to the left in a conjunction protects what follows it. */
    private static void walk(JsonNode node, Set<String> guards, Set<String> optional, List<String> problems) {
        if (node == null || !node.isContainerNode()) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> walk(n, guards, optional, problems));
            return;
        }
        if (node.size() == 1) {
            Map.Entry<String, JsonNode> only = node.fields().next();
            String key = only.getKey();
            JsonNode body = only.getValue();
            switch (key) {
                case "&&" -> {
                    List<JsonNode> conjuncts = new ArrayList<>();
                    flatten(node, conjuncts);
                    Set<String> g = new HashSet<>(guards);
                    for (JsonNode c : conjuncts) {
                        walk(c, g, optional, problems);
                        guardOf(c).ifPresent(g::add);
                    }
                    return;
                }
                case "getTag" -> {
                    String tag = body.path("right").path("Value").asText(null);
                    if (tag != null && !guards.contains("tag:" + tag)) {
                        problems.add("principal.getTag(\"" + tag + "\") must be preceded by principal.hasTag(\"" + tag
                                + "\") && in the same conjunction");
                    }
                }
                case "." -> {
                    String attr = body.path("attr").asText();
                    if (isContextInput(body.path("left")) && optional.contains(attr) && !guards.contains("has:" + attr)) {
                        problems.add("context.input." + attr + " is optional: write (context.input has " + attr
                                + " && <condition on " + attr + ">)");
                    }
                }
                default -> {
                }
            }
        }
        Iterator<JsonNode> children = node.elements();
        while (children.hasNext()) {
            walk(children.next(), guards, optional, problems);
        }
    }

    private static void flatten(JsonNode node, List<JsonNode> out) {
        if (node.isObject() && node.size() == 1 && node.has("&&")) {
            flatten(node.path("&&").path("left"), out);
            flatten(node.path("&&").path("right"), out);
        } else {
            out.add(node);
        }
    }

    private static java.util.Optional<String> guardOf(JsonNode conjunct) {
        if (conjunct.has("hasTag")) {
            String tag = conjunct.path("hasTag").path("right").path("Value").asText(null);
            return java.util.Optional.ofNullable(tag).map(t -> "tag:" + t);
        }
        if (conjunct.has("has") && isContextInput(conjunct.path("has").path("left"))) {
            return java.util.Optional.of("has:" + conjunct.path("has").path("attr").asText());
        }
        return java.util.Optional.empty();
    }

    private static boolean isContextInput(JsonNode node) {
        JsonNode dot = node.path(".");
        return "input".equals(dot.path("attr").asText()) && "context".equals(dot.path("left").path("Var").asText());
    }
}
