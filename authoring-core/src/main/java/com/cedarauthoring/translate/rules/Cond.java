package com.cedarauthoring.translate.rules;

import java.util.ArrayList;
import java.util.List;

/** The condition AST: atoms are finished Cedar expressions; connectives render with minimal parentheses. */
sealed interface Cond {

    String cedar();

    record Atom(String text) implements Cond {
        public String cedar() {
            return text;
        }
    }

    record And(List<Cond> parts) implements Cond {
        public And {
            parts = flatten(parts, And.class, And::parts);
        }

        public String cedar() {
            return join(parts, " && ", Or.class);
        }
    }

    record Or(List<Cond> parts) implements Cond {
        public Or {
            parts = flatten(parts, Or.class, Or::parts);
        }

        public String cedar() {
            // a guarded optional condition stays one unit inside a disjunction
            return join(parts, " || ", And.class);
        }
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

    /** Joins parts with {@code operator}, parenthesising those of the {@code other} connective. */
    private static String join(List<Cond> parts, String operator, Class<? extends Cond> other) {
        StringBuilder sb = new StringBuilder();
        for (Cond c : parts) {
            if (sb.length() > 0) {
                sb.append(operator);
            }
            sb.append(other.isInstance(c) ? "(" + c.cedar() + ")" : c.cedar());
        }
        return sb.toString();
    }

    /**
     * A condition on an optional attribute with its presence test, {@code (context.input has f && ...)}:
     * kept as one parenthesised unit, as cedar-conventions.md section 2 writes it.
     */
    record Guard(List<Cond> parts) implements Cond {
        public Guard {
            parts = List.copyOf(parts);
        }

        public String cedar() {
            return "(" + new And(parts).cedar() + ")";
        }
    }

    record Not(Cond inner) implements Cond {
        public String cedar() {
            return "!(" + inner.cedar() + ")";
        }
    }

    static Cond and(List<Cond> parts) {
        return parts.size() == 1 ? parts.get(0) : new And(parts);
    }

    static Cond or(List<Cond> parts) {
        return parts.size() == 1 ? parts.get(0) : new Or(parts);
    }
}
