package com.cedarauthoring.findings;

import com.cedarauthoring.cedar.Attribute;
import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.cedar.CedarType;
import com.cedarauthoring.cedar.est.PolicyView;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.gateway.ToolAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Scope analysis of one schema-valid policy: ALLOW_ALL / ALLOW_NONE / DENY_ALL / DENY_NONE, exact for
 * the Cedar fragment this service emits (cedar-conventions.md section 4). Works on the policy's typed
 * view, so it judges any translator's output the same way.
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
        PolicyView policy = cedar.view(cedarPolicy);
        boolean permit = policy.effect() == PolicyView.Effect.PERMIT;
        List<ToolAction> inScope = actionsInScope(policy.action(), schema);
        PolicyConditions conditions = new PolicyConditions();
        Condition condition = conditions.policyCondition(policy);
        Solver solver = new Solver(t -> requiredEverywhere(t.path(), inScope));
        String scope = scopeText(policy);

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

    private static String scopeText(PolicyView policy) {
        return "principal (" + scopeText(policy.principal(), "any principal") + "), action ("
                + actionText(policy.action()) + ") and resource (" + scopeText(policy.resource(), "any resource") + ")";
    }

    private static String scopeText(PolicyView.Scope s, String any) {
        if (s instanceof PolicyView.Scope.Is is) {
            return is.entityType();
        }
        if (s instanceof PolicyView.Scope.Eq eq) {
            return entity(eq.entity());
        }
        if (s instanceof PolicyView.Scope.In in) {
            return "in " + entity(in.entity());
        }
        return s instanceof PolicyView.Scope.Any ? any : ((PolicyView.Scope.Other) s).op();
    }

    private static String actionText(PolicyView.ActionScope a) {
        if (a instanceof PolicyView.ActionScope.Eq eq) {
            return entity(eq.action());
        }
        if (a instanceof PolicyView.ActionScope.InList list) {
            return "in [" + String.join(", ", list.actions().stream().map(PolicyAnalyzer::entity).toList()) + "]";
        }
        if (a instanceof PolicyView.ActionScope.InGroup g) {
            return "in " + entity(g.group());
        }
        return a instanceof PolicyView.ActionScope.Any ? "any action" : ((PolicyView.ActionScope.Other) a).op();
    }

    private static String entity(PolicyView.EntityRef e) {
        return e.type() + "::\"" + e.id() + "\"";
    }

    /** The tools a policy's action scope covers (all of them for {@code action} or unknown groups). */
    static List<ToolAction> actionsInScope(PolicyView.ActionScope action, GatewaySchema schema) {
        List<String> ids = action.ids();
        if (ids.isEmpty()) {
            return schema.actions();
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
