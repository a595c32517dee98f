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

    /** Anything this view does not model (if-then-else, containsAll, is, in...), by its EST operator. */
    record Other(String op) implements Expr {}

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
