package com.cedarauthoring.grounding;

import com.cedarauthoring.cedar.est.Op;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One test of a policy's conditions, as the grounding check sees it.
 *
 * @param kind      what kind of test
 * @param path      the input attribute path ({@code context.input.a.b} is [a, b]); empty for a tag test
 * @param tag       the principal tag key; empty for an input test
 * @param op        the comparison for COMPARE (literal on the right); EQ otherwise
 * @param values    literals: String, Long, Boolean or BigDecimal; the literal runs of a LIKE pattern
 * @param negated   under an odd number of {@code !}
 * @param unless    inside an {@code unless} clause
 */
record Atom(Kind kind, List<String> path, String tag, Op op, List<Object> values, boolean negated, boolean unless) {
    Atom {
        path = List.copyOf(path);
        values = List.copyOf(values);
    }

    enum Kind { COMPARE, IN, LIKE, HAS, HAS_TAG, BOOL, OTHER }

    boolean isTag() {
        return !tag.isEmpty();
    }

    String attribute() {
        return path.isEmpty() ? "" : path.get(path.size() - 1);
    }

    /** The effective comparison, as the sentence would say it (one level of negation folded in). */
    Op effectiveOp() {
        return negated ? op.negate() : op;
    }

    /** The atom in Cedar syntax (the alignment's {@code target}). */
    String cedar() {
        String term = isTag() ? "principal.getTag(\"" + tag + "\")" : "context.input." + String.join(".", path);
        String body = switch (kind) {
            case COMPARE -> term + " " + op.cedar() + " " + literal(values.get(0));
            case IN -> "[" + values.stream().map(Atom::literal).collect(Collectors.joining(", ")) + "].contains(" + term + ")";
            case LIKE -> term + " like \"*" + values.stream().map(String::valueOf).collect(Collectors.joining("*")) + "*\"";
            case HAS -> "context.input has " + String.join(".", path);
            case HAS_TAG -> "principal.hasTag(\"" + tag + "\")";
            case BOOL -> term + " == " + values.get(0);
            case OTHER -> String.valueOf(values.isEmpty() ? "?" : values.get(0));
        };
        return negated ? "!(" + body + ")" : body;
    }

    private static String literal(Object v) {
        if (v instanceof String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        if (v instanceof BigDecimal d) {
            return "decimal(\"" + d.toPlainString() + "\")";
        }
        return String.valueOf(v);
    }
}
