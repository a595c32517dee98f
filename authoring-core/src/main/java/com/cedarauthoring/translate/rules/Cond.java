package com.cedarauthoring.translate.rules;

import com.cedarauthoring.translate.rules.SchemaIndex.Attr;
import java.util.ArrayList;
import java.util.List;

/**
 * The typed condition tree a parse produces. It holds attributes, operators and typed literals, never Cedar
 * text: {@link CedarEmitter} is the only writer of Cedar.
 */
sealed interface Cond {

    // ---------------------------------------------------------------- atoms on tool input

    /** {@code attr op value}. */
    record Compare(Attr attr, Op op, Literal value) implements Cond {}

    /** {@code attr like "<*>text<*>"}; {@code text} is the user's literal, wildcards are only the flags. */
    record Like(Attr attr, boolean anyBefore, String text, boolean anyAfter) implements Cond {}

    /** {@code [values].contains(attr)}. */
    record OneOf(Attr attr, List<Literal> values) implements Cond {
        public OneOf {
            values = List.copyOf(values);
        }
    }

    /** {@code attr.contains(value)} on a set attribute. */
    record SetContains(Attr attr, Literal value) implements Cond {}

    /** {@code <path up to segment> has <segment>}: presence of the attribute's path segment {@code segment}. */
    record Has(Attr attr, int segment) implements Cond {}

    // ---------------------------------------------------------------- atoms on the caller's claims (tags)

    record HasTag(String claim) implements Cond {}

    /** {@code getTag(claim) == v} for one value, {@code [values].contains(getTag(claim))} for several. */
    record TagIs(String claim, List<String> values) implements Cond {
        public TagIs {
            values = List.copyOf(values);
        }
    }

    /** {@code getTag(claim) like "*text*"}: scope is a space-separated list of grants. */
    record TagLike(String claim, String text) implements Cond {}

    // ---------------------------------------------------------------- connectives

    record And(List<Cond> parts) implements Cond {
        public And {
            parts = flatten(parts, And.class, And::parts);
        }
    }

    record Or(List<Cond> parts) implements Cond {
        public Or {
            parts = flatten(parts, Or.class, Or::parts);
        }
    }

    record Not(Cond inner) implements Cond {}

    /**
     * A condition on an optional attribute with its presence tests, {@code (context.input has f && ...)}:
     * kept as one parenthesised unit, as cedar-conventions.md section 2 writes it.
     */
    record Guard(List<Cond> presence, Cond body) implements Cond {
        public Guard {
            presence = List.copyOf(presence);
        }
    }

    /** The words of the requirement ({@code start..end}, local offsets) a condition came from; emits as {@code inner}. */
    record Sourced(Cond inner, int start, int end) implements Cond {}

    static Cond and(List<Cond> parts) {
        return parts.size() == 1 ? parts.get(0) : new And(parts);
    }

    static Cond or(List<Cond> parts) {
        return parts.size() == 1 ? parts.get(0) : new Or(parts);
    }

    static Cond unwrap(Cond c) {
        while (c instanceof Sourced s) {
            c = s.inner();
        }
        return c;
    }

    /** Nested connectives of the same kind are inlined: (a && (b && c)) is a && b && c. */
    private static <T extends Cond> List<Cond> flatten(List<Cond> parts, Class<T> kind,
                                                       java.util.function.Function<T, List<Cond>> children) {
        List<Cond> flat = new ArrayList<>();
        for (Cond c : parts) {
            if (kind.isInstance(c)) {
                flat.addAll(children.apply(kind.cast(c)));
            } else {
                flat.add(c);
            }
        }
        return List.copyOf(flat);
    }
}
