package com.cedarauthoring.translate.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@link Reading} of one sentence while its parsers fill it in: each effect form sets the effect,
 * the principal and the spans; {@link ClauseTail} adds the tool phrase and the conditions. {@link #finish}
 * combines the condition readings and refuses any content word nobody consumed.
 */
final class ReadingDraft {
    private final Parse p;
    private final Tokens t;

    boolean forbid;
    boolean anyPrincipalType;
    boolean principalNamed;
    boolean only;
    final List<Cond> principal = new ArrayList<>();
    int[] effectSpan;
    int[] principalSpan;
    ActionScope action;
    int[] actionSpan;
    final List<List<Cond>> whenParts = new ArrayList<>();
    final List<Cond> unlessParts = new ArrayList<>();

    ReadingDraft(Parse p) {
        this.p = p;
        this.t = p.t;
    }

    /** Tokens {@code [s, e)} name the principal (already parsed into {@link #principal}). */
    void principalAt(int s, int e) {
        principalNamed = true;
        principalSpan = new int[] {t.startOf(s), t.endOf(e - 1)};
    }

    /** Tokens {@code [s, e)} are the effect words. */
    void effectAt(int s, int e) {
        effectSpan = new int[] {t.startOf(s), t.endOf(e - 1)};
    }

    Reading finish() {
        List<Cond> whenAll = new ArrayList<>();
        List<List<Cond>> parts = new ArrayList<>();
        for (Cond c : p.actionConds) {
            parts.add(List.of(c));
        }
        parts.addAll(whenParts);
        // combine the when parts; only one of them may carry several readings
        List<Cond> base = new ArrayList<>();
        List<Cond> multi = null;
        for (List<Cond> part : parts) {
            if (part.size() > 1 && multi == null) {
                multi = part;
                base.add(null);
            } else {
                base.add(part.get(0));
            }
        }
        if (multi == null) {
            if (!base.isEmpty()) {
                whenAll.add(Cond.and(base));
            }
        } else {
            for (Cond r : multi) {
                List<Cond> b = new ArrayList<>();
                for (Cond c : base) {
                    b.add(c == null ? r : c);
                }
                whenAll.add(Cond.and(b));
            }
        }
        var left = t.unconsumedContent();
        if (!left.isEmpty()) {
            List<String> words = new ArrayList<>();
            left.stream().forEach(k -> words.add(t.get(k).text()));
            throw t.fail("UNTRANSLATED_WORDS", "no part of the policy accounts for " + String.join(", ",
                    words.stream().map(x -> "\"" + x + "\"").toList()) + "; nothing was dropped or guessed",
                    left.nextSetBit(0), left.length() - 1);
        }
        if (only && forbid) {
            throw t.fail("UNSUPPORTED_CONSTRUCT", "\"only\" with a forbid has no clear meaning; say who may and who may not", 0, 0);
        }
        Cond unless = unlessParts.isEmpty() ? null : Cond.and(unlessParts);
        return new Reading(forbid, anyPrincipalType, principal, action, whenAll, unless, p.notes, principalNamed, only,
                effectSpan, principalSpan, actionSpan);
    }
}
