package com.cedarauthoring.findings;

import com.cedarauthoring.cedar.Attribute;
import com.cedarauthoring.cedar.est.Expr;
import com.cedarauthoring.cedar.est.PolicyView.ActionScope;
import com.cedarauthoring.cedar.est.PolicyView.EntityRef;
import com.cedarauthoring.cedar.est.PolicyView;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.gateway.ToolAction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What no generated policy may do even when Cedar accepts it (cedar-conventions.md section 2): reach
 * beyond the generation's gateway (the resource is exactly its ARN, actions only its tools or
 * targets), or read a tag or an optional input attribute without the guard in the same conjunction.
 * One rule set for every translator (it replaces the pipeline's and the model translator's copies).
 */
public final class ScopeRules {
    private static final String ACTION_TYPE = GatewaySchema.NAMESPACE + "::Action";
    private static final String GATEWAY_TYPE = GatewaySchema.NAMESPACE + "::Gateway";

    private ScopeRules() {}

    /** Problems with the policy's scope and guards; empty when none. */
    public static List<String> violations(PolicyView policy, GatewaySchema schema) {
        Set<String> problems = new LinkedHashSet<>();
        if (!(policy.resource() instanceof PolicyView.Scope.Eq eq) || !eq.entity().type().equals(GATEWAY_TYPE)
                || !eq.entity().id().equals(schema.gatewayArn())) {
            problems.add("the resource must be exactly resource == " + GATEWAY_TYPE + "::\"" + schema.gatewayArn()
                    + "\" (the generation's gateway)");
        }
        List<ToolAction> covered = new ArrayList<>();
        ActionScope action = policy.action();
        if (action instanceof ActionScope.Any) {
            covered.addAll(schema.actions());
        } else if (action instanceof ActionScope.Eq one) {
            tool(one.action(), schema, problems).ifPresent(covered::add);
        } else if (action instanceof ActionScope.InList list) {
            for (EntityRef ref : list.actions()) {
                if (ref.type().equals(ACTION_TYPE) && schema.targetNames().contains(ref.id())) {
                    schema.actions().stream().filter(a -> a.targetName().equals(ref.id())).forEach(covered::add);
                } else {
                    tool(ref, schema, problems).ifPresent(covered::add);
                }
            }
        } else if (action instanceof ActionScope.InGroup group) {
            if (group.group().type().equals(ACTION_TYPE) && schema.targetNames().contains(group.group().id())) {
                schema.actions().stream().filter(a -> a.targetName().equals(group.group().id())).forEach(covered::add);
            } else {
                tool(group.group(), schema, problems).ifPresent(covered::add);
            }
        } else {
            problems.add("the action scope must be action, action == ..., or action in [...] of this gateway's tools");
        }
        Set<String> optional = new HashSet<>();
        for (ToolAction a : covered) {
            for (Attribute attr : a.input().attributes()) {
                if (!attr.required()) {
                    optional.add(attr.name());
                }
            }
        }
        for (PolicyView.Clause clause : policy.conditions()) {
            guards(clause.body(), Set.of(), optional, problems);
        }
        return List.copyOf(problems);
    }

    private static java.util.Optional<ToolAction> tool(EntityRef ref, GatewaySchema schema, Set<String> problems) {
        java.util.Optional<ToolAction> tool = ref.type().equals(ACTION_TYPE) ? schema.action(ref.id()) : java.util.Optional.empty();
        if (tool.isEmpty()) {
            problems.add("action " + ref.cedar() + " is not a tool of gateway " + schema.gatewayArn());
        }
        return tool;
    }

    /** Guards are "tag:k" and "has:f"; a guard to the left in a conjunction protects what follows it. */
    private static void guards(Expr e, Set<String> held, Set<String> optional, Set<String> problems) {
        if (e instanceof Expr.And) {
            List<Expr> conjuncts = new ArrayList<>();
            flatten(e, conjuncts);
            Set<String> g = new HashSet<>(held);
            for (Expr c : conjuncts) {
                guards(c, g, optional, problems);
                guardOf(c).ifPresent(g::add);
            }
            return;
        }
        e.principalTag().ifPresent(tag -> {
            if (!held.contains("tag:" + tag)) {
                problems.add("principal.getTag(\"" + tag + "\") must be preceded by principal.hasTag(\"" + tag
                        + "\") && in the same conjunction");
            }
        });
        e.inputPath().filter(p -> p.size() == 1 && optional.contains(p.get(0)) && !held.contains("has:" + p.get(0)))
                .ifPresent(p -> problems.add("context.input." + p.get(0) + " is optional: write (context.input has "
                        + p.get(0) + " && <condition on " + p.get(0) + ">)"));
        for (Expr child : children(e)) {
            guards(child, held, optional, problems);
        }
    }

    private static List<Expr> children(Expr e) {
        if (e instanceof Expr.Attr a) {
            return List.of(a.left());
        } else if (e instanceof Expr.Has h) {
            return List.of(h.left());
        } else if (e instanceof Expr.GetTag g) {
            return List.of(g.left(), g.key());
        } else if (e instanceof Expr.HasTag h) {
            return List.of(h.left(), h.key());
        } else if (e instanceof Expr.SetLit s) {
            return s.elements();
        } else if (e instanceof Expr.Compare c) {
            return List.of(c.left(), c.right());
        } else if (e instanceof Expr.Or o) {
            return List.of(o.left(), o.right());
        } else if (e instanceof Expr.Not n) {
            return List.of(n.arg());
        } else if (e instanceof Expr.Contains c) {
            return List.of(c.set(), c.element());
        } else if (e instanceof Expr.Like l) {
            return List.of(l.left());
        }
        return List.of();
    }

    private static void flatten(Expr e, List<Expr> out) {
        if (e instanceof Expr.And and) {
            flatten(and.left(), out);
            flatten(and.right(), out);
        } else {
            out.add(e);
        }
    }

    private static java.util.Optional<String> guardOf(Expr conjunct) {
        if (conjunct instanceof Expr.HasTag h && h.left() instanceof Expr.Var v && v.name().equals("principal")
                && h.key() instanceof Expr.Lit l && l.value() instanceof String key) {
            return java.util.Optional.of("tag:" + key);
        }
        if (conjunct instanceof Expr.Has h && h.left() instanceof Expr.Attr a && a.attr().equals("input")
                && a.left() instanceof Expr.Var v && v.name().equals("context")) {
            return java.util.Optional.of("has:" + h.attr());
        }
        return java.util.Optional.empty();
    }
}
