package com.cedarauthoring.grounding;

import com.cedarauthoring.cedar.Attribute;
import com.cedarauthoring.cedar.est.Expr;
import com.cedarauthoring.cedar.est.Op;
import com.cedarauthoring.cedar.est.PolicyView;
import com.cedarauthoring.findings.Finding;
import com.cedarauthoring.findings.FindingType;
import com.cedarauthoring.gateway.ToolAction;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Always-true or never-true tests that only the schema reveals (section 5): {@code has} on a required
 * attribute, a value list holding every value of a required enum, a comparison with a value outside the
 * enum. When they make the whole condition constant the policy gets the analyser's finding
 * (ALLOW_ALL / ALLOW_NONE / DENY_ALL / DENY_NONE), as any other constant condition does.
 */
final class ConstantStep {
    private enum Truth { TRUE, FALSE, UNKNOWN }

    private ConstantStep() {}

    static Optional<Finding> apply(Grounding g) {
        if (g.tools.isEmpty() || g.policy.conditions().isEmpty()) {
            return Optional.empty();
        }
        Truth all = Truth.TRUE;
        for (PolicyView.Clause c : g.policy.conditions()) {
            Truth t = truth(g, c.body());
            all = and(all, c.unless() ? not(t) : t);
        }
        boolean permit = g.policy.effect() == PolicyView.Effect.PERMIT;
        if (all == Truth.TRUE) {
            FindingType type = permit ? FindingType.ALLOW_ALL : FindingType.DENY_ALL;
            return Optional.of(Finding.of(type, type.name(), "The condition holds for every request: the tool's schema "
                    + "makes each of its tests true (a required attribute is always present; a list of every value of an "
                    + "enum always matches), so this " + (permit ? "permit allows" : "forbid denies") + " every call in scope."));
        }
        if (all == Truth.FALSE) {
            FindingType type = permit ? FindingType.ALLOW_NONE : FindingType.DENY_NONE;
            return Optional.of(Finding.of(type, type.name(), "The condition can never hold: the tool's schema makes it "
                    + "false (a value outside the attribute's enum), so this " + (permit ? "permit" : "forbid")
                    + " never applies."));
        }
        return Optional.empty();
    }

    private static Truth truth(Grounding g, Expr e) {
        if (e instanceof Expr.And a) {
            return and(truth(g, a.left()), truth(g, a.right()));
        }
        if (e instanceof Expr.Or o) {
            Truth l = truth(g, o.left());
            Truth r = truth(g, o.right());
            return l == Truth.TRUE || r == Truth.TRUE ? Truth.TRUE : l == Truth.FALSE && r == Truth.FALSE ? Truth.FALSE : Truth.UNKNOWN;
        }
        if (e instanceof Expr.Not n) {
            return not(truth(g, n.arg()));
        }
        if (e instanceof Expr.Has h && h.left().equals(new Expr.Attr(new Expr.Var("context"), "input"))) {
            return required(g, h.attr()) ? Truth.TRUE : Truth.UNKNOWN;
        }
        if (e instanceof Expr.Contains c && c.set() instanceof Expr.SetLit set) {
            Optional<Attribute> a = enumAttribute(g, c.element());
            if (a.isPresent()) {
                Set<String> listed = new HashSet<>();
                set.elements().forEach(x -> {
                    if (x instanceof Expr.Lit l && l.value() instanceof String s) {
                        listed.add(s.toLowerCase(Locale.ROOT));
                    }
                });
                Set<String> values = new HashSet<>(a.get().enumValues().stream().map(v -> v.toLowerCase(Locale.ROOT)).toList());
                if (listed.containsAll(values)) {
                    return Truth.TRUE;
                }
                listed.retainAll(values);
                if (listed.isEmpty()) {
                    return Truth.FALSE;
                }
            }
        }
        if (e instanceof Expr.Compare c && (c.op() == Op.EQ || c.op() == Op.NE) && c.right() instanceof Expr.Lit l
                && l.value() instanceof String s) {
            Optional<Attribute> a = enumAttribute(g, c.left());
            if (a.isPresent() && a.get().enumValues().stream().noneMatch(v -> v.equalsIgnoreCase(s))) {
                return c.op() == Op.EQ ? Truth.FALSE : Truth.TRUE;
            }
        }
        if (e instanceof Expr.Lit l && l.value() instanceof Boolean b) {
            return b ? Truth.TRUE : Truth.FALSE;
        }
        return Truth.UNKNOWN;
    }

    /** A required String-enum input attribute (on every tool in scope) read by {@code term}. */
    private static Optional<Attribute> enumAttribute(Grounding g, Expr term) {
        Optional<List<String>> path = term.inputPath();
        if (path.isEmpty() || path.get().size() != 1 || !required(g, path.get().get(0))) {
            return Optional.empty();
        }
        return g.attribute(path.get()).filter(a -> !a.enumValues().isEmpty());
    }

    private static boolean required(Grounding g, String name) {
        for (ToolAction t : g.tools) {
            Optional<Attribute> a = t.input().attribute(name);
            if (a.isEmpty() || !a.get().required()) {
                return false;
            }
        }
        return true;
    }

    private static Truth and(Truth a, Truth b) {
        return a == Truth.FALSE || b == Truth.FALSE ? Truth.FALSE : a == Truth.TRUE && b == Truth.TRUE ? Truth.TRUE : Truth.UNKNOWN;
    }

    private static Truth not(Truth t) {
        return t == Truth.TRUE ? Truth.FALSE : t == Truth.FALSE ? Truth.TRUE : Truth.UNKNOWN;
    }
}
