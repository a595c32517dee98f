package com.cedarauthoring.explain;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.gateway.ToolAction;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cedar to plain English for reviewers, from the policy's EST: who, which tools, which gateway, and
 * the conditions in words. Presence guards ({@code has}, {@code hasTag}) that only protect another
 * condition on the same field are left out, since the sentence already implies them.
 */
public final class Explainer {
    private static final Map<String, String> COMPARISONS = Map.of(
            "==", "is", "!=", "is not", "<", "is less than", "<=", "is at most", ">", "is greater than",
            ">=", "is at least");
    private static final Map<String, String> DECIMAL_METHODS = Map.of(
            "lessThan", "<", "lessThanOrEqual", "<=", "greaterThan", ">", "greaterThanOrEqual", ">=");

    private final Cedar cedar;

    public Explainer(Cedar cedar) {
        this.cedar = cedar;
    }


    public String explain(String cedarPolicy, GatewaySchema schema) {
        JsonNode est = cedar.est(cedarPolicy);
        boolean permit = "permit".equals(est.path("effect").asText());
        List<String> principalParts = new ArrayList<>();
        List<String> whenParts = new ArrayList<>();
        List<String> unlessParts = new ArrayList<>();
        for (JsonNode c : est.path("conditions")) {
            List<JsonNode> conjuncts = new ArrayList<>();
            flattenAnd(c.path("body"), conjuncts);
            if ("unless".equals(c.path("kind").asText())) {
                unlessParts.add(joinConjuncts(conjuncts));
                continue;
            }
            List<JsonNode> kept = withoutGuards(conjuncts);
            for (JsonNode j : kept) {
                // a lone "or" needs no parentheses; one among several conditions does
                (onlyPrincipal(j) ? principalParts : whenParts).add(english(j, kept.size() > 1));
            }
        }
        StringBuilder sb = new StringBuilder(permit ? "Allows " : "Forbids ");
        sb.append(principal(est.path("principal")));
        if (!principalParts.isEmpty()) {
            sb.append(" whose ").append(String.join(" and whose ", principalParts));
        }
        sb.append(permit ? " to call " : " from calling ").append(actions(est.path("action"), schema));
        sb.append(' ').append(resource(est.path("resource")));
        if (!whenParts.isEmpty()) {
            sb.append(" when ").append(String.join(" and ", whenParts));
        }
        if (!unlessParts.isEmpty()) {
            sb.append(whenParts.isEmpty() ? " unless " : ", unless ").append(String.join(" and ", unlessParts));
        }
        if (whenParts.isEmpty() && unlessParts.isEmpty() && principalParts.isEmpty()) {
            sb.append(", with no further conditions");
        }
        return sb.append('.').toString();
    }

    private static String principal(JsonNode p) {
        return switch (p.path("op").asText()) {
            case "is" -> switch (p.path("entity_type").asText()) {
                case "AgentCore::OAuthUser" -> "OAuth users";
                case "AgentCore::IamEntity" -> "IAM callers";
                default -> p.path("entity_type").asText() + " principals";
            };
            case "==" -> "the principal " + p.path("entity").path("id").asText();
            case "All" -> "every caller";
            default -> "the principal " + p;
        };
    }

    private static String actions(JsonNode a, GatewaySchema schema) {
        switch (a.path("op").asText()) {
            case "==":
                return tool(a.path("entity").path("id").asText(), schema);
            case "in":
                if (a.has("entities")) {
                    List<String> tools = new ArrayList<>();
                    a.path("entities").forEach(e -> tools.add(tool(e.path("id").asText(), schema)));
                    return tools.size() == 1 ? tools.get(0) : "any of " + joinList(tools, "or");
                }
                String id = a.path("entity").path("id").asText();
                if (schema.action(id).isPresent()) {
                    return tool(id, schema);
                }
                return id.equals("CallTool") ? "any tool of the gateway" : "any tool of target " + id;
            case "All":
                return "any tool";
            default:
                return "the actions " + a;
        }
    }

    private static String tool(String actionId, GatewaySchema schema) {
        Optional<ToolAction> t = schema.action(actionId);
        if (t.isEmpty()) {
            return actionId;
        }
        String desc = t.get().description().isBlank() ? "" : ": " + t.get().description().strip();
        return actionId + " (" + t.get().toolName() + desc + ")";
    }

    private static String resource(JsonNode r) {
        return switch (r.path("op").asText()) {
            case "==" -> "on gateway " + r.path("entity").path("id").asText();
            case "All" -> "on any gateway";
            case "is" -> "on any " + r.path("entity_type").asText();
            default -> "on " + r;
        };
    }

    private static void flattenAnd(JsonNode e, List<JsonNode> out) {
        if (e.has("&&")) {
            flattenAnd(e.path("&&").path("left"), out);
            flattenAnd(e.path("&&").path("right"), out);
        } else {
            out.add(e);
        }
    }

    private String joinConjuncts(List<JsonNode> conjuncts) {
        List<String> parts = withoutGuards(conjuncts).stream().map(j -> english(j, true)).toList();
        return String.join(" and ", parts);
    }

    /** Drops {@code has f} / {@code hasTag(k)} when another conjunct uses the same field. */
    private static List<JsonNode> withoutGuards(List<JsonNode> conjuncts) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode j : conjuncts) {
            String guarded = guardedField(j);
            if (guarded != null && conjuncts.stream().anyMatch(o -> o != j && o.toString().contains(guarded))) {
                continue;
            }
            out.add(j);
        }
        return out.isEmpty() ? conjuncts : out;
    }

    private static String guardedField(JsonNode j) {
        if (j.has("has")) {
            return "{\".\":{\"left\":" + j.path("has").path("left") + ",\"attr\":\"" + j.path("has").path("attr").asText() + "\"}}";
        }
        if (j.has("hasTag")) {
            return "{\"getTag\":" + j.path("hasTag") + "}";
        }
        return null;
    }

    private static boolean onlyPrincipal(JsonNode j) {
        String s = j.toString();
        return s.contains("{\"Var\":\"principal\"}") && !s.contains("{\"Var\":\"context\"}")
                && !s.contains("{\"Var\":\"resource\"}") && !s.contains("{\"Var\":\"action\"}");
    }

    /** English for one expression; nested says whether an "or" needs grouping. */
    private String english(JsonNode e, boolean nested) {
        String op = e.fieldNames().hasNext() ? e.fieldNames().next() : "";
        JsonNode a = e.path(op);
        switch (op) {
            case "&&": {
                List<JsonNode> parts = new ArrayList<>();
                flattenAnd(e, parts);
                return String.join(" and ", withoutGuards(parts).stream().map(p -> english(p, true)).toList());
            }
            case "||": {
                String s = disjunct(a.path("left")) + " or " + disjunct(a.path("right"));
                return nested ? "(" + s + ")" : s;
            }
            case "!":
                return negated(a.path("arg"));
            case "Value":
                return a.isBoolean() ? (a.booleanValue() ? "always" : "never") : value(a);
            case "has":
                return subject(e.path("has").path("left"), a.path("attr").asText()) + " is provided";
            case "hasTag":
                return "has a " + a.path("right").path("Value").asText() + " tag";
            case "==", "!=", "<", "<=", ">", ">=": {
                Optional<String> l = term(a.path("left"));
                if (l.isPresent() || literalText(a.path("right")).isPresent()) {
                    return term(a.path("left")).orElse(english(a.path("left"), true)) + " " + COMPARISONS.get(op) + " "
                            + literalText(a.path("right")).orElse(english(a.path("right"), true));
                }
                return english(a.path("left"), true) + " " + COMPARISONS.get(op) + " " + english(a.path("right"), true);
            }
            case "lessThan", "lessThanOrEqual", "greaterThan", "greaterThanOrEqual":
                return operand(a.get(0)) + " " + COMPARISONS.get(DECIMAL_METHODS.get(op)) + " " + operand(a.get(1));
            case "contains":
                if (a.path("left").has("Set")) {
                    return operand(a.path("right")) + " is one of " + setText(a.path("left"));
                }
                return operand(a.path("left")) + " contains " + operand(a.path("right"));
            case "containsAll":
                return operand(a.path("left")) + " contains all of " + operand(a.path("right"));
            case "containsAny":
                return operand(a.path("left")) + " contains any of " + operand(a.path("right"));
            case "like":
                return operand(a.path("left")) + " " + like(a.path("pattern"));
            case ".", "getTag", "Var":
                return operand(e) + " is true";
            case "is":
                return operand(a.path("left")) + " is a " + a.path("entity_type").asText();
            default:
                return "the condition " + e;
        }
    }

    /** An "and" inside an "or" is grouped, so the sentence keeps the policy's precedence. */
    private String disjunct(JsonNode e) {
        String s = english(e, false);
        return e.has("&&") && !s.contains(" and ") ? s : e.has("&&") ? "(" + s + ")" : s;
    }

    private String negated(JsonNode e) {
        String op = e.fieldNames().hasNext() ? e.fieldNames().next() : "";
        JsonNode a = e.path(op);
        return switch (op) {
            case "has" -> subject(a.path("left"), a.path("attr").asText()) + " is not provided";
            case "hasTag" -> "has no " + a.path("right").path("Value").asText() + " tag";
            case "contains" -> a.path("left").has("Set")
                    ? operand(a.path("right")) + " is not one of " + setText(a.path("left"))
                    : operand(a.path("left")) + " does not contain " + operand(a.path("right"));
            case "like" -> operand(a.path("left")) + " does not " + baseVerb(like(a.path("pattern")));
            case "==" -> operand(a.path("left")) + " is not " + operand(a.path("right"));
            default -> "it is not the case that " + english(e, true);
        };
    }

    private static String baseVerb(String phrase) {
        for (String[] v : new String[][] {{"contains ", "contain "}, {"starts ", "start "}, {"ends ", "end "},
                {"is exactly ", "equal "}, {"matches ", "match "}}) {
            if (phrase.startsWith(v[0])) {
                return v[1] + phrase.substring(v[0].length());
            }
        }
        return phrase;
    }

    private static String like(JsonNode pattern) {
        List<String> pieces = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean startsWild = pattern.size() > 0 && pattern.get(0).isTextual();
        boolean endsWild = pattern.size() > 0 && pattern.get(pattern.size() - 1).isTextual();
        for (JsonNode p : pattern) {
            if (p.isTextual()) {
                if (cur.length() > 0) {
                    pieces.add(cur.toString());
                    cur.setLength(0);
                }
            } else {
                cur.append(p.path("Literal").asText());
            }
        }
        if (cur.length() > 0) {
            pieces.add(cur.toString());
        }
        if (pieces.size() == 1) {
            String q = "\"" + pieces.get(0) + "\"";
            if (startsWild && endsWild) {
                return "contains " + q;
            }
            if (endsWild) {
                return "starts with " + q;
            }
            if (startsWild) {
                return "ends with " + q;
            }
            return "is exactly " + q;
        }
        StringBuilder sb = new StringBuilder();
        pattern.forEach(p -> sb.append(p.isTextual() ? "*" : p.path("Literal").asText().replace("*", "\\*")));
        return "matches the pattern \"" + sb + "\" (* stands for any text)";
    }

    private String operand(JsonNode e) {
        return term(e).or(() -> literalText(e)).orElseGet(() -> english(e, true));
    }

    private static String subject(JsonNode left, String attr) {
        String base = term(left).orElse("");
        return base.isEmpty() || base.equals("the input") ? attr : base + "." + attr;
    }

    /** The reader's name for an attribute or tag. */
    private static Optional<String> term(JsonNode e) {
        if (e.has("getTag") && e.path("getTag").path("right").has("Value")) {
            return Optional.of(e.path("getTag").path("right").path("Value").asText() + " tag");
        }
        Optional<String> path = path(e);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        String p = path.get();
        if (p.equals("context.input")) {
            return Optional.of("the input");
        }
        if (p.startsWith("context.input.")) {
            return Optional.of(p.substring("context.input.".length()));
        }
        if (p.startsWith("principal.")) {
            return Optional.of("principal " + p.substring("principal.".length()));
        }
        return Optional.of(p);
    }

    private static Optional<String> path(JsonNode e) {
        if (e.has("Var")) {
            return Optional.of(e.path("Var").asText());
        }
        if (e.has(".")) {
            return path(e.path(".").path("left")).map(p -> p + "." + e.path(".").path("attr").asText());
        }
        return Optional.empty();
    }

    private static Optional<String> literalText(JsonNode e) {
        if (e.has("Value")) {
            return Optional.of(value(e.path("Value")));
        }
        if (e.has("decimal") && e.path("decimal").size() == 1) {
            return Optional.of(e.path("decimal").get(0).path("Value").asText());
        }
        if (e.has("neg") && e.path("neg").path("arg").has("Value")) {
            return Optional.of("-" + value(e.path("neg").path("arg").path("Value")));
        }
        if (e.has("Set")) {
            return Optional.of(setText(e));
        }
        return Optional.empty();
    }

    private static String setText(JsonNode set) {
        List<String> values = new ArrayList<>();
        set.path("Set").forEach(v -> values.add(literalText(v).orElse(v.toString())));
        return joinList(values, "or");
    }

    private static String value(JsonNode v) {
        if (v.isTextual()) {
            return "\"" + v.textValue() + "\"";
        }
        if (v.isObject() && v.has("__entity")) {
            return v.path("__entity").path("type").asText() + "::\"" + v.path("__entity").path("id").asText() + "\"";
        }
        return v.toString();
    }

    private static String joinList(List<String> items, String last) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + (items.size() > 2 ? "," : "") + " " + last + " "
                + items.get(items.size() - 1);
    }
}
