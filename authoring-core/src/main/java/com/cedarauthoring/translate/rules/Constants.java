package com.cedarauthoring.translate.rules;

import java.util.List;

/**
 * Section 5's always-true and never-true tests that the schema alone decides: {@code has} on a required input,
 * a value list that covers every value of an enum. The reading then gets ALLOW_ALL / DENY_ALL / ALLOW_NONE /
 * DENY_NONE like any other constant condition (the pipeline's analyser finds the rest).
 */
final class Constants {
    private Constants() {}

    enum Truth { TRUE, FALSE, UNKNOWN;

        Truth not() {
            return this == TRUE ? FALSE : this == FALSE ? TRUE : UNKNOWN;
        }
    }

    static Truth of(Cond c) {
        if (c instanceof Cond.Sourced s) {
            return of(s.inner());
        } else if (c instanceof Cond.Has h) {
            for (int k = 0; k <= h.segment(); k++) {
                if (h.attr().optional().get(k)) {
                    return Truth.UNKNOWN;
                }
            }
            return Truth.TRUE;
        } else if (c instanceof Cond.OneOf o) {
            List<String> values = o.values().stream().map(v -> v instanceof Literal.Str s ? s.value() : "").toList();
            List<String> en = o.attr().attribute().enumValues();
            return !en.isEmpty() && en.stream().allMatch(x -> values.stream().anyMatch(x::equalsIgnoreCase)) ? Truth.TRUE : Truth.UNKNOWN;
        } else if (c instanceof Cond.Not n) {
            return of(n.inner()).not();
        } else if (c instanceof Cond.And a) {
            return all(a.parts());
        } else if (c instanceof Cond.Guard g) {
            Truth presence = all(g.presence());
            Truth body = of(g.body());
            return presence == Truth.FALSE || body == Truth.FALSE ? Truth.FALSE
                    : presence == Truth.TRUE && body == Truth.TRUE ? Truth.TRUE : Truth.UNKNOWN;
        } else if (c instanceof Cond.Or o) {
            boolean allFalse = true;
            for (Cond p : o.parts()) {
                Truth t = of(p);
                if (t == Truth.TRUE) {
                    return Truth.TRUE;
                }
                allFalse &= t == Truth.FALSE;
            }
            return allFalse ? Truth.FALSE : Truth.UNKNOWN;
        }
        return Truth.UNKNOWN;
    }

    private static Truth all(List<Cond> parts) {
        boolean allTrue = true;
        for (Cond p : parts) {
            Truth t = of(p);
            if (t == Truth.FALSE) {
                return Truth.FALSE;
            }
            allTrue &= t == Truth.TRUE;
        }
        return allTrue ? Truth.TRUE : Truth.UNKNOWN;
    }
}
