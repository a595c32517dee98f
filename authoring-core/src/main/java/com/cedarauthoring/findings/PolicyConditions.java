package com.cedarauthoring.findings;

import com.cedarauthoring.cedar.est.Expr;
import com.cedarauthoring.cedar.est.Op;
import com.cedarauthoring.cedar.est.PolicyView;
import com.cedarauthoring.findings.Condition.Atom;
import com.cedarauthoring.findings.Condition.Cmp;
import com.cedarauthoring.findings.Condition.Dec;
import com.cedarauthoring.findings.Condition.In;
import com.cedarauthoring.findings.Condition.Like;
import com.cedarauthoring.findings.Condition.Lit;
import com.cedarauthoring.findings.Condition.Opaque;
import com.cedarauthoring.findings.Condition.Present;
import com.cedarauthoring.findings.Condition.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Policy expressions to {@link Condition}s. Cedar evaluates an expression to true, false or an error
 * (a missing attribute or tag), and a policy whose condition errors does not apply. So each expression
 * gets two formulas, "evaluates to true" and "evaluates to false", and their complement is "false or
 * error"; predicates on a term include the term's presence.
 */
final class PolicyConditions {
    private boolean opaque;

    /** True once an expression was met that the analysis does not model. */
    boolean sawOpaque() {
        return opaque;
    }

    /** The formula under which a policy's conditions (all when clauses, negated unless clauses) hold. */
    Condition policyCondition(PolicyView policy) {
        List<Condition> parts = new ArrayList<>();
        for (PolicyView.Clause c : policy.conditions()) {
            parts.add(c.unless() ? new Condition.Not(isTrue(c.body())) : isTrue(c.body()));
        }
        return new Condition.And(parts);
    }

    Condition isTrue(Expr e) {
        return eval(e, true);
    }

    private Condition eval(Expr e, boolean wantTrue) {
        if (e instanceof Expr.And a) {
            Condition l = eval(a.left(), true);
            return wantTrue ? Condition.and(l, eval(a.right(), true))
                    : Condition.or(eval(a.left(), false), Condition.and(l, eval(a.right(), false)));
        }
        if (e instanceof Expr.Or o) {
            Condition lf = eval(o.left(), false);
            return wantTrue ? Condition.or(eval(o.left(), true), Condition.and(lf, eval(o.right(), true)))
                    : Condition.and(lf, eval(o.right(), false));
        }
        if (e instanceof Expr.Not n) {
            return eval(n.arg(), !wantTrue);
        }
        if (e instanceof Expr.Lit l && l.value() instanceof Boolean b) {
            return b == wantTrue ? Condition.TRUE : Condition.FALSE;
        }
        if (e instanceof Expr.Has h) {
            Optional<String> base = path(h.left());
            if (base.isPresent()) {
                return new Lit(new Present(new Term(base.get() + "." + h.attr(), false)), wantTrue);
            }
        }
        if (e instanceof Expr.HasTag h) {
            Optional<String> key = principalTagKey(h.left(), h.key());
            if (key.isPresent()) {
                return new Lit(new Present(new Term(key.get(), true)), wantTrue);
            }
        }
        if (e instanceof Expr.Compare c) {
            Optional<Term> lt = term(c.left());
            Optional<Object> rv = literal(c.right());
            if (lt.isPresent() && rv.isPresent()) {
                return predicate(new Cmp(lt.get(), c.op().cedar(), rv.get()), lt.get(), wantTrue);
            }
            Optional<Term> rt = term(c.right());
            Optional<Object> lv = literal(c.left());
            if (rt.isPresent() && lv.isPresent()) {
                return predicate(new Cmp(rt.get(), c.op().flip().cedar(), lv.get()), rt.get(), wantTrue);
            }
        }
        if (e instanceof Expr.Contains c && c.set() instanceof Expr.SetLit set) {
            Optional<Term> t = term(c.element());
            if (t.isPresent()) {
                List<Object> values = new ArrayList<>();
                for (Expr v : set.elements()) {
                    Optional<Object> lv = literal(v);
                    if (lv.isEmpty()) {
                        return opaque(e, wantTrue);
                    }
                    values.add(lv.get());
                }
                return predicate(new In(t.get(), List.copyOf(values)), t.get(), wantTrue);
            }
        }
        if (e instanceof Expr.Like k) {
            Optional<Term> t = term(k.left());
            if (t.isPresent()) {
                List<Object> pattern = new ArrayList<>();
                for (String part : k.parts()) {
                    if (part == null) {
                        pattern.add(Condition.WILDCARD);
                    } else {
                        part.chars().forEach(ch -> pattern.add((char) ch));
                    }
                }
                return predicate(new Like(t.get(), List.copyOf(pattern)), t.get(), wantTrue);
            }
        }
        if (e instanceof Expr.Attr) {
            // a Bool attribute used directly as a condition
            Optional<Term> t = term(e);
            if (t.isPresent()) {
                return predicate(new Cmp(t.get(), Op.EQ.cedar(), Boolean.TRUE), t.get(), wantTrue);
            }
        }
        return opaque(e, wantTrue);
    }

    /** True: the predicate holds (presence included). False: the term is present and the predicate fails. */
    private static Condition predicate(Atom atom, Term term, boolean wantTrue) {
        return wantTrue ? new Lit(atom, true)
                : Condition.and(new Lit(new Present(term), true), new Lit(atom, false));
    }

    private Condition opaque(Expr e, boolean wantTrue) {
        opaque = true;
        return new Lit(new Opaque(e.toString()), wantTrue);
    }

    private static Optional<String> principalTagKey(Expr left, Expr key) {
        if (left instanceof Expr.Var v && v.name().equals("principal") && key instanceof Expr.Lit l
                && l.value() instanceof String s) {
            return Optional.of(s);
        }
        return Optional.empty();
    }

    private static Optional<Term> term(Expr e) {
        if (e instanceof Expr.GetTag g) {
            return principalTagKey(g.left(), g.key()).map(k -> new Term(k, true));
        }
        if (e instanceof Expr.Attr) {
            return path(e).filter(p -> p.startsWith("context.input.") || p.startsWith("principal."))
                    .map(p -> new Term(p, false));
        }
        return Optional.empty();
    }

    static Optional<String> path(Expr e) {
        if (e instanceof Expr.Var v) {
            return Optional.of(v.name());
        }
        if (e instanceof Expr.Attr a) {
            return path(a.left()).map(p -> p + "." + a.attr());
        }
        return Optional.empty();
    }

    /** A Long, String, Boolean or decimal literal. */
    static Optional<Object> literal(Expr e) {
        if (e instanceof Expr.Lit l) {
            return Optional.of(l.value());
        }
        if (e instanceof Expr.Decimal d) {
            try {
                return Optional.of(new Dec(d.value().movePointRight(4).longValueExact()));
            } catch (ArithmeticException tooPrecise) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
