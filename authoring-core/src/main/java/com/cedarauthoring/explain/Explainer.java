package com.cedarauthoring.explain;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.cedar.est.Expr;
import com.cedarauthoring.cedar.est.Op;
import com.cedarauthoring.cedar.est.PolicyView;
import com.cedarauthoring.cedar.est.PolicyView.ActionScope;
import com.cedarauthoring.cedar.est.PolicyView.EntityRef;
import com.cedarauthoring.cedar.est.PolicyView.Scope;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.gateway.ToolAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Cedar to plain English for reviewers, from the policy's typed view: who, which tools, which gateway,
 * and the conditions in words. Presence guards ({@code has}, {@code hasTag}) that only protect another
 * condition on the same field are left out, since the sentence already implies them.
 */
public final class Explainer {
    private static final Map<Op, String> COMPARISONS = Map.of(
            Op.EQ, "is", Op.NE, "is not", Op.LT, "is less than", Op.LE, "is at most", Op.GT, "is greater than",
            Op.GE, "is at least");
    private static final Set<String> NOT_PRINCIPAL = Set.of("context", "resource", "action");

    private final Cedar cedar;

    public Explainer(Cedar cedar) {
        this.cedar = cedar;
    }

    public String explain(String cedarPolicy, GatewaySchema schema) {
        PolicyView policy = cedar.view(cedarPolicy);
        boolean permit = policy.effect() == PolicyView.Effect.PERMIT;
        List<String> principalParts = new ArrayList<>();
        List<String> whenParts = new ArrayList<>();
        List<String> unlessParts = new ArrayList<>();
        for (PolicyView.Clause c : policy.conditions()) {
            List<Expr> conjuncts = new ArrayList<>();
            flattenAnd(c.body(), conjuncts);
            if (c.unless()) {
                unlessParts.add(joinConjuncts(conjuncts));
                continue;
            }
            List<Expr> kept = withoutGuards(conjuncts);
            for (Expr j : kept) {
                // a lone "or" needs no parentheses; one among several conditions does
                (onlyPrincipal(j) ? principalParts : whenParts).add(english(j, kept.size() > 1));
            }
        }
        StringBuilder sb = new StringBuilder(permit ? "Allows " : "Forbids ");
        sb.append(principal(policy.principal()));
        if (!principalParts.isEmpty()) {
            sb.append(" whose ").append(String.join(" and whose ", principalParts));
        }
        sb.append(permit ? " to call " : " from calling ").append(actions(policy.action(), schema));
        sb.append(' ').append(resource(policy.resource()));
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

    private static String principal(Scope p) {
        if (p instanceof Scope.Is is) {
            return switch (is.entityType()) {
                case "AgentCore::OAuthUser" -> "OAuth users";
                case "AgentCore::IamEntity" -> "IAM callers";
                default -> is.entityType() + " principals";
            };
        }
        if (p instanceof Scope.Eq eq) {
            return "the principal " + eq.entity().id();
        }
        if (p instanceof Scope.In in) {
            return "principals in " + entity(in.entity());
        }
        return p instanceof Scope.Any ? "every caller" : "the principal " + ((Scope.Other) p).op();
    }

    private static String actions(ActionScope a, GatewaySchema schema) {
        if (a instanceof ActionScope.Eq eq) {
            return tool(eq.action().id(), schema);
        }
        if (a instanceof ActionScope.InList list) {
            List<String> tools = list.actions().stream().map(e -> tool(e.id(), schema)).toList();
            return tools.size() == 1 ? tools.get(0) : "any of " + joinList(tools, "or");
        }
        if (a instanceof ActionScope.InGroup g) {
            String id = g.group().id();
            if (schema.action(id).isPresent()) {
                return tool(id, schema);
            }
            return id.equals("CallTool") ? "any tool of the gateway" : "any tool of target " + id;
        }
        return a instanceof ActionScope.Any ? "any tool" : "the actions " + ((ActionScope.Other) a).op();
    }

    private static String tool(String actionId, GatewaySchema schema) {
        Optional<ToolAction> t = schema.action(actionId);
        if (t.isEmpty()) {
            return actionId;
        }
        String desc = t.get().description().isBlank() ? "" : ": " + t.get().description().strip();
        return actionId + " (" + t.get().toolName() + desc + ")";
    }

    private static String resource(Scope r) {
        if (r instanceof Scope.Eq eq) {
            return "on gateway " + eq.entity().id();
        }
        if (r instanceof Scope.Is is) {
            return "on any " + is.entityType();
        }
        if (r instanceof Scope.In in) {
            return "on resources in " + entity(in.entity());
        }
        return r instanceof Scope.Any ? "on any gateway" : "on " + ((Scope.Other) r).op();
    }

    private static void flattenAnd(Expr e, List<Expr> out) {
        if (e instanceof Expr.And and) {
            flattenAnd(and.left(), out);
            flattenAnd(and.right(), out);
        } else {
            out.add(e);
        }
    }

    private String joinConjuncts(List<Expr> conjuncts) {
        List<String> parts = withoutGuards(conjuncts).stream().map(j -> english(j, true)).toList();
        return String.join(" and ", parts);
    }

    /** Drops {@code has f} / {@code hasTag(k)} when another conjunct uses the same field. */
    private static List<Expr> withoutGuards(List<Expr> conjuncts) {
        List<Expr> out = new ArrayList<>();
        for (Expr j : conjuncts) {
            Optional<Expr> guarded = guardedField(j);
            if (guarded.isPresent() && conjuncts.stream().anyMatch(o -> o != j && o.mentions(guarded.get()))) {
                continue;
            }
            out.add(j);
        }
        return out.isEmpty() ? conjuncts : out;
    }

    /** The field a presence test guards: {@code e.f} for {@code e has f}, {@code e.getTag(k)} for {@code e.hasTag(k)}. */
    private static Optional<Expr> guardedField(Expr j) {
        if (j instanceof Expr.Has h) {
            return Optional.of(new Expr.Attr(h.left(), h.attr()));
        }
        if (j instanceof Expr.HasTag h) {
            return Optional.of(new Expr.GetTag(h.left(), h.key()));
        }
        return Optional.empty();
    }

    private static boolean onlyPrincipal(Expr j) {
        Set<String> vars = j.variables();
        return vars.contains("principal") && vars.stream().noneMatch(NOT_PRINCIPAL::contains);
    }

    /** English for one expression; nested says whether an "or" needs grouping. */
    private String english(Expr e, boolean nested) {
        if (e instanceof Expr.And) {
            List<Expr> parts = new ArrayList<>();
            flattenAnd(e, parts);
            return String.join(" and ", withoutGuards(parts).stream().map(p -> english(p, true)).toList());
        }
        if (e instanceof Expr.Or o) {
            String s = disjunct(o.left()) + " or " + disjunct(o.right());
            return nested ? "(" + s + ")" : s;
        }
        if (e instanceof Expr.Not n) {
            return negated(n.arg());
        }
        if (e instanceof Expr.Lit l && l.value() instanceof Boolean b) {
            return b ? "always" : "never";
        }
        if (e instanceof Expr.Lit || e instanceof Expr.Entity || e instanceof Expr.Decimal || e instanceof Expr.SetLit) {
            return literalText(e).orElseThrow();
        }
        if (e instanceof Expr.Has h) {
            return subject(h.left(), h.attr()) + " is provided";
        }
        if (e instanceof Expr.HasTag h) {
            return "has a " + keyText(h.key()) + " tag";
        }
        if (e instanceof Expr.Compare c) {
            return operand(c.left()) + " " + COMPARISONS.get(c.op()) + " " + operand(c.right());
        }
        if (e instanceof Expr.Contains c) {
            if (c.set() instanceof Expr.SetLit set) {
                return operand(c.element()) + " is one of " + setText(set);
            }
            return operand(c.set()) + " contains " + operand(c.element());
        }
        if (e instanceof Expr.Like k) {
            return operand(k.left()) + " " + like(k.parts());
        }
        if (e instanceof Expr.Attr || e instanceof Expr.GetTag || e instanceof Expr.Var) {
            return operand(e) + " is true";
        }
        if (e instanceof Expr.Is is) {
            return operand(is.left()) + " is a " + is.entityType() + is.in().map(g -> " in " + operand(g)).orElse("");
        }
        if (e instanceof Expr.Other o && o.operands().size() == 2
                && (o.op().equals("containsAll") || o.op().equals("containsAny"))) {
            return operand(o.operands().get(0)) + (o.op().equals("containsAll") ? " contains all of " : " contains any of ")
                    + operand(o.operands().get(1));
        }
        return "the condition " + ((Expr.Other) e).source();
    }

    /** An "and" inside an "or" is grouped, so the sentence keeps the policy's precedence. */
    private String disjunct(Expr e) {
        String s = english(e, false);
        return e instanceof Expr.And && !s.contains(" and ") ? s : e instanceof Expr.And ? "(" + s + ")" : s;
    }

    private String negated(Expr e) {
        if (e instanceof Expr.Has h) {
            return subject(h.left(), h.attr()) + " is not provided";
        }
        if (e instanceof Expr.HasTag h) {
            return "has no " + keyText(h.key()) + " tag";
        }
        if (e instanceof Expr.Contains c) {
            return c.set() instanceof Expr.SetLit set
                    ? operand(c.element()) + " is not one of " + setText(set)
                    : operand(c.set()) + " does not contain " + operand(c.element());
        }
        if (e instanceof Expr.Like k) {
            return operand(k.left()) + " does not " + baseVerb(like(k.parts()));
        }
        if (e instanceof Expr.Compare c && c.op() == Op.EQ) {
            return operand(c.left()) + " is not " + operand(c.right());
        }
        return "it is not the case that " + english(e, true);
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

    /** A like pattern in words; {@code parts} are literal runs with {@code null} for each wildcard. */
    private static String like(List<String> parts) {
        boolean startsWild = !parts.isEmpty() && parts.get(0) == null;
        boolean endsWild = !parts.isEmpty() && parts.get(parts.size() - 1) == null;
        List<String> pieces = parts.stream().filter(p -> p != null && !p.isEmpty()).toList();
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
        parts.forEach(p -> sb.append(p == null ? "*" : p.replace("*", "\\*")));
        return "matches the pattern \"" + sb + "\" (* stands for any text)";
    }

    private String operand(Expr e) {
        return term(e).or(() -> literalText(e)).orElseGet(() -> english(e, true));
    }

    private static String subject(Expr left, String attr) {
        String base = term(left).orElse("");
        return base.isEmpty() || base.equals("the input") ? attr : base + "." + attr;
    }

    private static String keyText(Expr key) {
        return key instanceof Expr.Lit l ? String.valueOf(l.value()) : "";
    }

    /** The reader's name for an attribute or tag. */
    private static Optional<String> term(Expr e) {
        if (e instanceof Expr.GetTag g && g.key() instanceof Expr.Lit) {
            return Optional.of(keyText(g.key()) + " tag");
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

    private static Optional<String> path(Expr e) {
        if (e instanceof Expr.Var v) {
            return Optional.of(v.name());
        }
        if (e instanceof Expr.Attr a) {
            return path(a.left()).map(p -> p + "." + a.attr());
        }
        return Optional.empty();
    }

    private static Optional<String> literalText(Expr e) {
        if (e instanceof Expr.Lit l) {
            return Optional.of(l.value() instanceof String s ? "\"" + s + "\"" : String.valueOf(l.value()));
        }
        if (e instanceof Expr.Entity en) {
            return Optional.of(entity(en.entity()));
        }
        if (e instanceof Expr.Decimal d) {
            return Optional.of(d.value().toString());
        }
        if (e instanceof Expr.SetLit set) {
            return Optional.of(setText(set));
        }
        return Optional.empty();
    }

    private static String setText(Expr.SetLit set) {
        List<String> values = new ArrayList<>();
        set.elements().forEach(v -> values.add(literalText(v).or(() -> term(v)).orElse(String.valueOf(v))));
        return joinList(values, "or");
    }

    private static String entity(EntityRef e) {
        return e.type() + "::\"" + e.id() + "\"";
    }

    private static String joinList(List<String> items, String last) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + (items.size() > 2 ? "," : "") + " " + last + " "
                + items.get(items.size() - 1);
    }
}
