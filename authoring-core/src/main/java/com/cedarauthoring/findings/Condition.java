package com.cedarauthoring.findings;

import java.util.List;

/**
 * A pure boolean formula over request predicates, obtained from a policy's conditions with Cedar's
 * error semantics already folded in: every predicate on an attribute or tag includes its presence,
 * so negation is plain set complement.
 */
sealed interface Condition {

    Condition TRUE = new And(List.of());
    Condition FALSE = new Or(List.of());

    record And(List<Condition> parts) implements Condition {}

    record Or(List<Condition> parts) implements Condition {}

    record Not(Condition arg) implements Condition {}

    /** A predicate, possibly negated. */
    record Lit(Atom atom, boolean positive) implements Condition {
        Lit negate() {
            return new Lit(atom, !positive);
        }
    }

    static Condition and(Condition a, Condition b) {
        return new And(List.of(a, b));
    }

    static Condition or(Condition a, Condition b) {
        return new Or(List.of(a, b));
    }

    /** A term whose value a predicate constrains: an input attribute path or a principal tag. */
    record Term(String path, boolean tag) {
        String display() {
            return tag ? "principal.getTag(\"" + path + "\")" : path;
        }

        String presence() {
            if (tag) {
                return "principal.hasTag(\"" + path + "\")";
            }
            int dot = path.lastIndexOf('.');
            return path.substring(0, dot) + " has " + path.substring(dot + 1);
        }
    }

    sealed interface Atom {}

    /** The term is present (has / hasTag). */
    record Present(Term term) implements Atom {}

    /** term op value (term present). value is Long, String, Boolean or a scaled decimal (Dec). */
    record Cmp(Term term, String op, Object value) implements Atom {}

    /** term is one of values (term present). */
    record In(Term term, List<Object> values) implements Atom {}

    /** term like pattern (term present); pattern elements are Character or the WILDCARD marker. */
    record Like(Term term, List<Object> pattern) implements Atom {}

    /** Anything the analysis does not model; identified by its EST text. */
    record Opaque(String est) implements Atom {}

    /** A Cedar decimal, as ten-thousandths. */
    record Dec(long units) {
        @Override
        public String toString() {
            return java.math.BigDecimal.valueOf(units, 4).stripTrailingZeros().toPlainString();
        }
    }

    Object WILDCARD = "*WILDCARD*";
}
