package com.cedarauthoring.findings;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.gateway.Attribute;
import com.cedarauthoring.gateway.CedarType;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.gateway.ToolAction;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Scope analysis of one schema-valid policy: ALLOW_ALL / ALLOW_NONE / DENY_ALL / DENY_NONE, exact for
 * the Cedar fragment this service emits (cedar-conventions.md section 4). Works on Cedar's EST, so it
 * judges any translator's output the same way.
 *
 * <p>Claims are only made when proven: a condition the analysis cannot model (an unusual expression,
 * a like pattern it cannot decide) never produces a finding.
 */
public final class PolicyAnalyzer {
    private final Cedar cedar;

    public PolicyAnalyzer(Cedar cedar) {
        this.cedar = cedar;
    }


    /** Findings of the scope analysis; empty when the policy is neither vacuous nor universal. */
    public List<Finding> analyze(String cedarPolicy, GatewaySchema schema) {
        JsonNode est = cedar.est(cedarPolicy);
        boolean permit = "permit".equals(est.path("effect").asText());
        List<ToolAction> inScope = actionsInScope(est.path("action"), schema);
        EstConditions conditions = new EstConditions();
        Condition condition = conditions.policyCondition(est);
        Solver solver = new Solver(t -> requiredEverywhere(t.path(), inScope));
        String scope = scopeText(est);

        Solver.Verdict holds = solver.satisfiable(condition, false);
        if (holds.result() == Solver.Result.UNSAT) {
            String why = holds.reasons().isEmpty() ? "the conditions contradict each other"
                    : String.join("; ", holds.reasons());
            return List.of(permit
                    ? Finding.of(FindingType.ALLOW_NONE, "ALLOW_NONE", "Overly Restrictive: Policy Engine will not allow any"
                            + " request for the specified " + scope + " combination because the policy's conditions can"
                            + " never be satisfied: " + why)
                    : Finding.of(FindingType.DENY_NONE, "DENY_NONE", "Ineffective: Policy Engine will not deny any request"
                            + " for the specified " + scope + " combination because the policy's conditions can never be"
                            + " satisfied: " + why));
        }
        if (!conditions.sawOpaque() && solver.satisfiable(condition, true).result() == Solver.Result.UNSAT) {
            return List.of(permit
                    ? Finding.of(FindingType.ALLOW_ALL, "ALLOW_ALL", "Overly Permissive: Policy Engine will allow every"
                            + " request for the specified " + scope + " combination if the policy is added or updated")
                    : Finding.of(FindingType.DENY_ALL, "DENY_ALL", "Deny All: Policy Engine will deny every request for"
                            + " the specified " + scope + " combination if the policy is added or updated"));
        }
        return List.of();
    }

    private static String scopeText(JsonNode est) {
        JsonNode p = est.path("principal");
        String principal = switch (p.path("op").asText()) {
            case "is" -> p.path("entity_type").asText();
            case "==" -> entity(p.path("entity"));
            case "All" -> "any principal";
            default -> p.toString();
        };
        JsonNode a = est.path("action");
        String action = switch (a.path("op").asText()) {
            case "==" -> entity(a.path("entity"));
            case "in" -> a.has("entities")
                    ? "in [" + String.join(", ", stream(a.path("entities")).stream().map(PolicyAnalyzer::entity).toList()) + "]"
                    : "in " + entity(a.path("entity"));
            case "All" -> "any action";
            default -> a.toString();
        };
        JsonNode r = est.path("resource");
        String resource = switch (r.path("op").asText()) {
            case "==" -> entity(r.path("entity"));
            case "is" -> r.path("entity_type").asText();
            case "All" -> "any resource";
            default -> r.toString();
        };
        return "principal (" + principal + "), action (" + action + ") and resource (" + resource + ")";
    }

    private static List<JsonNode> stream(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static String entity(JsonNode e) {
        return e.path("type").asText() + "::\"" + e.path("id").asText() + "\"";
    }

    /** The tools a policy's action scope covers (all of them for {@code action} or unknown groups). */
    static List<ToolAction> actionsInScope(JsonNode action, GatewaySchema schema) {
        List<String> ids = new ArrayList<>();
        switch (action.path("op").asText()) {
            case "==", "in" -> {
                if (action.has("entities")) {
                    action.path("entities").forEach(e -> ids.add(e.path("id").asText()));
                } else {
                    ids.add(action.path("entity").path("id").asText());
                }
            }
            default -> {
                return schema.actions();
            }
        }
        List<ToolAction> out = new ArrayList<>();
        for (ToolAction t : schema.actions()) {
            if (ids.contains(t.actionId()) || ids.contains(t.targetName()) || ids.contains("CallTool")) {
                out.add(t);
            }
        }
        return out.isEmpty() ? schema.actions() : out;
    }

    /** Required in every tool in scope (a tool lacking the attribute would make its access an error). */
    private static boolean requiredEverywhere(String path, List<ToolAction> actions) {
        if (path.equals("principal.id")) {
            return true;
        }
        if (!path.startsWith("context.input.") || actions.isEmpty()) {
            return false;
        }
        String[] parts = path.substring("context.input.".length()).split("\\.");
        for (ToolAction a : actions) {
            CedarType.RecordType record = a.input();
            for (int i = 0; i < parts.length; i++) {
                Optional<Attribute> attr = record.attribute(parts[i]);
                if (attr.isEmpty() || !attr.get().required()) {
                    return false;
                }
                if (i < parts.length - 1) {
                    if (!(attr.get().type() instanceof CedarType.RecordType r)) {
                        return false;
                    }
                    record = r;
                }
            }
        }
        return true;
    }
}
