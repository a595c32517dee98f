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
            List<Cond> flat = new ArrayList<>();
            for (Cond c : parts) {
                if (c instanceof And a) {
                    flat.addAll(a.parts());
                } else {
                    flat.add(c);
                }
            }
            parts = List.copyOf(flat);
        }

        public String cedar() {
            StringBuilder sb = new StringBuilder();
            for (Cond c : parts) {
                if (sb.length() > 0) {
                    sb.append(" && ");
                }
                sb.append(c instanceof Or ? "(" + c.cedar() + ")" : c.cedar());
            }
            return sb.toString();
        }
    }

    record Or(List<Cond> parts) implements Cond {
        public Or {
            List<Cond> flat = new ArrayList<>();
            for (Cond c : parts) {
                if (c instanceof Or o) {
                    flat.addAll(o.parts());
                } else {
                    flat.add(c);
                }
            }
            parts = List.copyOf(flat);
        }

        public String cedar() {
            StringBuilder sb = new StringBuilder();
            for (Cond c : parts) {
                if (sb.length() > 0) {
                    sb.append(" || ");
                }
                // a guarded optional condition stays one unit inside a disjunction
                sb.append(c instanceof And ? "(" + c.cedar() + ")" : c.cedar());
            }
            return sb.toString();
        }
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
