package com.cedarauthoring.cedar.est;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** A condition expression of a {@link PolicyView}, typed (cedar-java's EST, read once). */
public sealed interface Expr {

    /** {@code principal}, {@code context}, ... */
    record Var(String name) implements Expr {}

    /** {@code left.attr}. */
    record Attr(Expr left, String attr) implements Expr {}

    /** {@code left has attr}. */
    record Has(Expr left, String attr) implements Expr {}

    /** {@code left.getTag(key)}. */
    record GetTag(Expr left, Expr key) implements Expr {}

    /** {@code left.hasTag(key)}. */
    record HasTag(Expr left, Expr key) implements Expr {}

    /** A Long, String or Bool literal. */
    record Lit(Object value) implements Expr {}

    /** {@code decimal("...")}. */
    record Decimal(BigDecimal value) implements Expr {}

    /** {@code [a, b, ...]}. */
    record SetLit(List<Expr> elements) implements Expr {
        public SetLit {
            elements = List.copyOf(elements);
        }
    }

    /** {@code left op right}, also for decimal methods ({@code a.lessThan(b)} is {@code a < b}). */
    record Compare(Op op, Expr left, Expr right) implements Expr {}

    record And(Expr left, Expr right) implements Expr {}

    record Or(Expr left, Expr right) implements Expr {}

    record Not(Expr arg) implements Expr {}

    /** {@code set.contains(element)}. */
    record Contains(Expr set, Expr element) implements Expr {}

    /** {@code left like "pattern"}: literal runs, {@code null} standing for each wildcard. */
    record Like(Expr left, List<String> parts) implements Expr {
        public Like {
            parts = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(parts));
        }

        /** The literal text of the pattern without wildcards. */
        public List<String> literals() {
            return parts.stream().filter(p -> p != null && !p.isEmpty()).toList();
        }
    }

    /** An entity literal, {@code Type::"id"}. */
    record Entity(PolicyView.EntityRef entity) implements Expr {}

    /** {@code left is Type}, or {@code left is Type in group}. */
    record Is(Expr left, String entityType, Optional<Expr> in) implements Expr {}

    /**
     * Anything this view does not model (if-then-else, containsAll, in, extension calls...), by its EST
     * operator, with its operand expressions in source order (so walks still see every attribute and
     * literal inside) and the EST text of the whole node, for a reader that can only quote it.
     */
    record Other(String op, List<Expr> operands, String source) implements Expr {
        public Other {
            operands = List.copyOf(operands);
        }
    }

    /** The direct sub-expressions, in source order. */
    default List<Expr> children() {
        if (this instanceof Attr a) {
            return List.of(a.left());
        } else if (this instanceof Has h) {
            return List.of(h.left());
        } else if (this instanceof GetTag g) {
            return List.of(g.left(), g.key());
        } else if (this instanceof HasTag h) {
            return List.of(h.left(), h.key());
        } else if (this instanceof SetLit s) {
            return s.elements();
        } else if (this instanceof Compare c) {
            return List.of(c.left(), c.right());
        } else if (this instanceof And a) {
            return List.of(a.left(), a.right());
        } else if (this instanceof Or o) {
            return List.of(o.left(), o.right());
        } else if (this instanceof Not n) {
            return List.of(n.arg());
        } else if (this instanceof Contains c) {
            return List.of(c.set(), c.element());
        } else if (this instanceof Like l) {
            return List.of(l.left());
        } else if (this instanceof Is i) {
            return i.in().map(g -> List.of(i.left(), g)).orElse(List.of(i.left()));
        } else if (this instanceof Other o) {
            return o.operands();
        }
        return List.of(); // Var, Lit, Decimal, Entity
    }

    /** This expression and every expression below it, depth first in source order. */
    default List<Expr> descendants() {
        List<Expr> out = new java.util.ArrayList<>();
        java.util.ArrayDeque<Expr> todo = new java.util.ArrayDeque<>();
        todo.push(this);
        while (!todo.isEmpty()) {
            Expr e = todo.pop();
            out.add(e);
            List<Expr> kids = e.children();
            for (int i = kids.size() - 1; i >= 0; i--) {
                todo.push(kids.get(i));
            }
        }
        return out;
    }

    /** Whether {@code part} occurs in this expression (itself included), compared structurally. */
    default boolean mentions(Expr part) {
        return descendants().contains(part);
    }

    /** The names of the variables this expression reads ({@code principal}, {@code context}...). */
    default java.util.Set<String> variables() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        descendants().forEach(e -> {
            if (e instanceof Var v) {
                out.add(v.name());
            }
        });
        return out;
    }

    /** The input path of {@code context.input.a.b}, as {@code ["a", "b"]}. */
    default Optional<List<String>> inputPath() {
        if (this instanceof Attr a) {
            if (a.left() instanceof Attr inner && inner.left() instanceof Var v && v.name().equals("context")
                    && inner.attr().equals("input")) {
                return Optional.of(List.of(a.attr()));
            }
            return a.left().inputPath().map(p -> {
                List<String> out = new java.util.ArrayList<>(p);
                out.add(a.attr());
                return List.copyOf(out);
            });
        }
        return Optional.empty();
    }

    /** The tag key of {@code principal.getTag("k")}. */
    default Optional<String> principalTag() {
        if (this instanceof GetTag g && g.left() instanceof Var v && v.name().equals("principal")
                && g.key() instanceof Lit l && l.value() instanceof String s) {
            return Optional.of(s);
        }
        return Optional.empty();
    }
}
