package com.cedarauthoring.grounding;

import com.cedarauthoring.cedar.est.Expr;
import com.cedarauthoring.cedar.est.Op;
import com.cedarauthoring.cedar.est.PolicyView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The tests of a policy's conditions, flattened (and/or/not are the structure; atoms are the content). */
final class Atoms {
    private Atoms() {}

    static List<Atom> of(PolicyView policy) {
        List<Atom> out = new ArrayList<>();
        for (PolicyView.Clause c : policy.conditions()) {
            walk(c.body(), false, c.unless(), out);
        }
        return out;
    }

    private static void walk(Expr e, boolean negated, boolean unless, List<Atom> out) {
        if (e instanceof Expr.And a) {
            walk(a.left(), negated, unless, out);
            walk(a.right(), negated, unless, out);
        } else if (e instanceof Expr.Or o) {
            walk(o.left(), negated, unless, out);
            walk(o.right(), negated, unless, out);
        } else if (e instanceof Expr.Not n) {
            walk(n.arg(), !negated, unless, out);
        } else if (e instanceof Expr.Lit l && l.value() instanceof Boolean) {
            return; // a constant: the analyser's concern
        } else {
            out.add(atom(e, negated, unless));
        }
    }

    private static Atom atom(Expr e, boolean negated, boolean unless) {
        if (e instanceof Expr.Has h && h.left().equals(CONTEXT_INPUT)) {
            return new Atom(Atom.Kind.HAS, List.of(h.attr()), "", Op.EQ, List.of(), negated, unless);
        }
        if (e instanceof Expr.Has h && h.left().inputPath().isPresent()) {
            List<String> path = new ArrayList<>(h.left().inputPath().get());
            path.add(h.attr());
            return new Atom(Atom.Kind.HAS, path, "", Op.EQ, List.of(), negated, unless);
        }
        if (e instanceof Expr.HasTag h && h.key() instanceof Expr.Lit l && l.value() instanceof String key) {
            return new Atom(Atom.Kind.HAS_TAG, List.of(), key, Op.EQ, List.of(), negated, unless);
        }
        if (e instanceof Expr.Compare c) {
            Optional<Object> right = literal(c.right());
            Optional<Object> left = literal(c.left());
            if (right.isPresent() && term(c.left())) {
                return compare(c.left(), c.op(), right.get(), negated, unless);
            }
            if (left.isPresent() && term(c.right())) {
                return compare(c.right(), c.op().flip(), left.get(), negated, unless);
            }
        }
        if (e instanceof Expr.Contains c && c.set() instanceof Expr.SetLit set && term(c.element())) {
            List<Object> values = new ArrayList<>();
            for (Expr x : set.elements()) {
                Optional<Object> v = literal(x);
                if (v.isEmpty()) {
                    return other(e, negated, unless);
                }
                values.add(v.get());
            }
            return withTerm(c.element(), Atom.Kind.IN, Op.EQ, values, negated, unless);
        }
        if (e instanceof Expr.Like l && term(l.left())) {
            return withTerm(l.left(), Atom.Kind.LIKE, Op.EQ, new ArrayList<>(l.literals()), negated, unless);
        }
        if (e.inputPath().isPresent()) {
            return withTerm(e, Atom.Kind.BOOL, Op.EQ, List.of(Boolean.TRUE), negated, unless);
        }
        return other(e, negated, unless);
    }

    private static final Expr CONTEXT_INPUT = new Expr.Attr(new Expr.Var("context"), "input");

    private static Atom compare(Expr term, Op op, Object value, boolean negated, boolean unless) {
        if (value instanceof Boolean b && (op == Op.EQ || op == Op.NE)) {
            return withTerm(term, Atom.Kind.BOOL, Op.EQ, List.of(op == Op.EQ ? b : !b), negated, unless);
        }
        return withTerm(term, Atom.Kind.COMPARE, op, List.of(value), negated, unless);
    }

    private static Atom withTerm(Expr term, Atom.Kind kind, Op op, List<Object> values, boolean negated, boolean unless) {
        return new Atom(kind, term.inputPath().orElse(List.of()), term.principalTag().orElse(""), op, values, negated, unless);
    }

    private static Atom other(Expr e, boolean negated, boolean unless) {
        return new Atom(Atom.Kind.OTHER, List.of(), "", Op.EQ, List.of(e.getClass().getSimpleName()), negated, unless);
    }

    private static boolean term(Expr e) {
        return e.inputPath().isPresent() || e.principalTag().isPresent();
    }

    private static Optional<Object> literal(Expr e) {
        if (e instanceof Expr.Lit l) {
            return Optional.of(l.value());
        }
        if (e instanceof Expr.Decimal d) {
            return Optional.of(d.value());
        }
        return Optional.empty();
    }
}
