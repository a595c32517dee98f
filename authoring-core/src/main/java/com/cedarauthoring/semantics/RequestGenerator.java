package com.cedarauthoring.semantics;

import com.cedarauthoring.cedar.Attribute;
import com.cedarauthoring.cedar.AuthRequest;
import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.cedar.CedarType;
import com.cedarauthoring.cedar.ParseOutcome;
import com.cedarauthoring.cedar.est.Expr;
import com.cedarauthoring.cedar.est.PolicyView;
import com.cedarauthoring.findings.ConditionFacts.Key;
import com.cedarauthoring.findings.ConditionFacts;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.gateway.ToolAction;
import com.cedarauthoring.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Generates the request set on which two policy sets are compared and from which decision examples
 * are drawn: each tool, boundary values around every literal in the policies, optional attributes
 * present and absent, tags present, absent and different, the alternatives of each policy's condition
 * holding and failing on one predicate, and the same requests for another gateway.
 *
 * <p>Deterministic (same inputs, same list in the same order), type-correct for the schema, bounded by
 * {@link #MAX_REQUESTS}.
 */
public final class RequestGenerator {
    public static final int MAX_REQUESTS = 4_000;
    public static final String PRINCIPAL_ID = "user-1";
    public static final String OTHER_GATEWAY = "arn:aws:bedrock-agentcore:us-east-1:000000000000:gateway/other-gw-0000000000";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Cedar cedar;

    public RequestGenerator(Cedar cedar) {
        this.cedar = cedar;
    }


    public List<AuthRequest> generate(GatewaySchema schema, List<String> policies) {
        List<PolicyView> views = new ArrayList<>();
        for (String text : policies) {
            if (cedar.parse(text) instanceof ParseOutcome.Parsed parsed) {
                parsed.policies().forEach(p -> views.add(cedar.view(p)));
            }
        }
        List<ConditionFacts> facts = views.stream().map(ConditionFacts::of).toList();

        Set<String> actionIds = new LinkedHashSet<>();
        schema.actions().forEach(a -> actionIds.add(a.actionId()));
        Set<String> referenced = new LinkedHashSet<>();
        views.forEach(v -> referencedActions(v.action(), referenced));
        // group ids (targets, CallTool) are never the action of a gateway request
        referenced.removeIf(id -> id.equals("CallTool") || schema.targetNames().contains(id));
        actionIds.addAll(referenced);

        Map<String, Set<Object>> tagValues = new LinkedHashMap<>();
        Map<String, Set<Object>> inputValues = new LinkedHashMap<>();
        for (ConditionFacts f : facts) {
            f.boundaryValues().forEach((k, v) -> (k.tag() ? tagValues : inputValues)
                    .computeIfAbsent(k.name(), x -> new LinkedHashSet<>()).addAll(v));
        }

        // literals of expressions the condition model leaves opaque (set operations on Set attributes)
        Set<String> strings = new LinkedHashSet<>();
        views.forEach(v -> v.conditions().forEach(c -> stringLiterals(c.body(), strings)));

        Set<AuthRequest> out = new LinkedHashSet<>();
        boolean tags = schema.authorizer().principalHasTags();
        String principalType = schema.authorizer().principalEntity();
        Map<String, String> baseTags = new LinkedHashMap<>();
        if (tags) {
            for (ConditionFacts f : facts) {
                f.literals().forEach((k, v) -> {
                    if (k.tag() && !v.isEmpty()) {
                        baseTags.putIfAbsent(k.name(), String.valueOf(v.iterator().next()));
                    }
                });
            }
        }
        List<Map<String, String>> principals = new ArrayList<>();
        principals.add(Map.of());
        principals.add(baseTags);
        if (tags) {
            tagValues.forEach((tag, values) -> {
                Map<String, String> without = new LinkedHashMap<>(baseTags);
                without.remove(tag);
                principals.add(without);
                for (Object v : values) {
                    Map<String, String> m = new LinkedHashMap<>(baseTags);
                    m.put(tag, String.valueOf(v));
                    principals.add(m);
                }
            });
        }

        for (String actionId : actionIds) {
            Optional<ToolAction> tool = schema.action(actionId);
            CedarType.RecordType type = tool.map(ToolAction::input).orElse(new CedarType.RecordType(List.of()));
            ObjectNode base = neutral(type);
            List<ObjectNode> inputs = new ArrayList<>();
            inputs.add(base);
            inputs.add(full(type));
            for (Attribute a : type.attributes()) {
                if (!a.required()) {
                    // the base leaves optional attributes out; this one is present with a neutral value
                    ObjectNode with = base.deepCopy();
                    with.set(a.name(), neutralValue(a, true));
                    inputs.add(with);
                }
                for (JsonNode v : valuesFor(a, inputValues.getOrDefault(a.name(), Set.of()), strings)) {
                    ObjectNode m = base.deepCopy();
                    m.set(a.name(), v);
                    inputs.add(m);
                }
            }
            for (Map<String, String> p : principals) {
                out.add(new AuthRequest(principalType, PRINCIPAL_ID, p, actionId, schema.gatewayArn(), base));
            }
            for (ObjectNode in : inputs) {
                out.add(new AuthRequest(principalType, PRINCIPAL_ID, baseTags, actionId, schema.gatewayArn(), in));
                out.add(new AuthRequest(principalType, PRINCIPAL_ID, Map.of(), actionId, schema.gatewayArn(), in));
            }
            for (ConditionFacts f : facts) {
                for (ConditionFacts.Scenario s : f.scenarios()) {
                    scenarioRequest(s, type, base, baseTags, tags).ifPresent(r -> out.add(
                            new AuthRequest(principalType, PRINCIPAL_ID, r.tags(), actionId, schema.gatewayArn(), r.input())));
                }
            }
        }
        List<AuthRequest> here = new ArrayList<>(out);
        List<AuthRequest> all = new ArrayList<>(here);
        // the same requests against another gateway: a policy must never reach beyond its own
        for (AuthRequest r : here) {
            all.add(new AuthRequest(r.principalType(), r.principalId(), r.tags(), r.actionId(), OTHER_GATEWAY, r.input()));
        }
        if (all.size() <= MAX_REQUESTS) {
            return List.copyOf(all);
        }
        // keep the first requests of this gateway and an evenly spread sample for the other one
        List<AuthRequest> bounded = new ArrayList<>(here.subList(0, Math.min(here.size(), MAX_REQUESTS * 3 / 4)));
        int room = MAX_REQUESTS - bounded.size();
        for (int i = 0; i < room; i++) {
            AuthRequest r = here.get((int) ((long) i * here.size() / room));
            bounded.add(new AuthRequest(r.principalType(), r.principalId(), r.tags(), r.actionId(), OTHER_GATEWAY, r.input()));
        }
        return List.copyOf(bounded);
    }

    public record Built(Map<String, String> tags, ObjectNode input) {}

    public static Optional<Built> scenarioRequest(ConditionFacts.Scenario s, CedarType.RecordType type, ObjectNode base,
                                           Map<String, String> baseTags, boolean tagsAllowed) {
        Map<String, String> tags = new LinkedHashMap<>(baseTags);
        ObjectNode input = base.deepCopy();
        for (Map.Entry<Key, Optional<Object>> e : s.values().entrySet()) {
            Key k = e.getKey();
            if (k.tag()) {
                if (!tagsAllowed) {
                    if (e.getValue().isPresent()) {
                        return Optional.empty();
                    }
                    continue;
                }
                if (e.getValue().isPresent()) {
                    Object v = e.getValue().get();
                    tags.put(k.name(), v == ConditionFacts.AnyValue.ANY ? tags.getOrDefault(k.name(), "x") : String.valueOf(v));
                } else {
                    tags.remove(k.name());
                }
                continue;
            }
            Optional<Attribute> attr = type.attribute(k.name());
            if (attr.isEmpty()) {
                continue; // nested or another tool's attribute
            }
            if (e.getValue().isEmpty()) {
                if (attr.get().required()) {
                    return Optional.empty();
                }
                input.remove(k.name());
            } else {
                Optional<JsonNode> v = e.getValue().get() == ConditionFacts.AnyValue.ANY
                        ? Optional.of(neutralValue(attr.get(), true)) : json(attr.get().type(), e.getValue().get());
                if (v.isEmpty()) {
                    return Optional.empty();
                }
                input.set(k.name(), v.get());
            }
        }
        return Optional.of(new Built(tags, input));
    }

    /** The actions a policy names one by one ({@code in G} names a group, not an action). */
    private static void referencedActions(PolicyView.ActionScope action, Set<String> ids) {
        if (action instanceof PolicyView.ActionScope.Eq || action instanceof PolicyView.ActionScope.InList) {
            ids.addAll(action.ids());
        }
    }

    /** Required attributes only, with neutral values. */
    public static ObjectNode neutral(CedarType.RecordType type) {
        ObjectNode o = NODES.objectNode();
        for (Attribute a : type.attributes()) {
            if (a.required()) {
                o.set(a.name(), neutralValue(a, true));
            }
        }
        return o;
    }

    /** Every attribute, optional ones included. */
    private static ObjectNode full(CedarType.RecordType type) {
        ObjectNode o = NODES.objectNode();
        type.attributes().forEach(a -> o.set(a.name(), neutralValue(a, false)));
        return o;
    }

    private static JsonNode neutralValue(Attribute a, boolean requiredOnly) {
        if (!a.enumValues().isEmpty()) {
            return NODES.textNode(a.enumValues().get(0));
        }
        return neutralValue(a.type(), requiredOnly);
    }

    private static JsonNode neutralValue(CedarType t, boolean requiredOnly) {
        if (t instanceof CedarType.StringType) {
            return NODES.textNode("x");
        }
        if (t instanceof CedarType.LongType) {
            return NODES.numberNode(0L);
        }
        if (t instanceof CedarType.BoolType) {
            return NODES.booleanNode(false);
        }
        if (t instanceof CedarType.DecimalType) {
            return NODES.textNode("0.0");
        }
        if (t instanceof CedarType.SetType) {
            return NODES.arrayNode();
        }
        CedarType.RecordType r = (CedarType.RecordType) t;
        return requiredOnly ? neutral(r) : full(r);
    }

    /** The values to try for one attribute: its boundary values, enum values, both booleans. */
    private static void stringLiterals(Expr body, Set<String> out) {
        for (Expr e : body.descendants()) {
            if (e instanceof Expr.Lit l && l.value() instanceof String s) {
                out.add(s);
            } else if (e instanceof Expr.Decimal d) {
                out.add(d.value().toString()); // the literal's own text, as a string attribute might carry it
            }
        }
    }

    private static List<JsonNode> valuesFor(Attribute a, Set<Object> boundary, Set<String> strings) {
        List<JsonNode> out = new ArrayList<>();
        for (Object v : boundary) {
            json(a.type(), v).ifPresent(out::add);
        }
        a.enumValues().forEach(e -> out.add(NODES.textNode(e)));
        if (a.type() instanceof CedarType.BoolType) {
            out.add(NODES.booleanNode(true));
            out.add(NODES.booleanNode(false));
        }
        if (a.type() instanceof CedarType.SetType s && s.element() instanceof CedarType.StringType) {
            ArrayNode all = NODES.arrayNode();
            strings.stream().limit(8).forEach(v -> {
                out.add(NODES.arrayNode().add(v));
                all.add(v);
            });
            if (all.size() > 1) {
                out.add(all);
            }
            out.add(NODES.arrayNode().add("other"));
        }
        return out;
    }

    /** A value as JSON of the attribute's type; empty when the types do not fit. */
    public static Optional<JsonNode> json(CedarType type, Object v) {
        if (type instanceof CedarType.LongType && v instanceof Long n) {
            return Optional.of(NODES.numberNode(n));
        }
        if (type instanceof CedarType.DecimalType && v instanceof BigDecimal d) {
            BigDecimal s = d.stripTrailingZeros();
            return Optional.of(NODES.textNode((s.scale() < 1 ? s.setScale(1) : s).toPlainString()));
        }
        if (type instanceof CedarType.DecimalType && v instanceof Long n) {
            return Optional.of(NODES.textNode(n + ".0"));
        }
        if (type instanceof CedarType.StringType && v instanceof String s) {
            return Optional.of(NODES.textNode(s));
        }
        if (type instanceof CedarType.BoolType && v instanceof Boolean b) {
            return Optional.of(NODES.booleanNode(b));
        }
        return Optional.empty();
    }

    public static String render(JsonNode input) {
        try {
            return Json.mapper().writeValueAsString(input);
        } catch (Exception e) {
            return input.toString();
        }
    }
}
