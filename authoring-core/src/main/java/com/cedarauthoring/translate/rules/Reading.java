package com.cedarauthoring.translate.rules;

import java.util.List;

/**
 * What one parse of a requirement says, typed: effect, caller, tools and conditions, with the words each came
 * from. {@code whenReadings} has one entry per and/or grouping reading (empty: no condition).
 *
 * @param anyPrincipalType the rule applies to every caller type (emergency shutdown): bare {@code principal}
 * @param principalNamed   the sentence names who it is for (else AMBIGUOUS_PRINCIPAL)
 * @param only             "Only X may ...": X may, and nobody else may (section 5): a permit and a forbid
 * @param effectSpan       local offsets of the effect words
 * @param principalSpan    local offsets of the principal phrase, or null
 * @param actionSpan       local offsets of the tool phrase
 */
record Reading(boolean forbid, boolean anyPrincipalType, List<Cond> principal, ActionScope action,
               List<Cond> whenReadings, Cond unless, List<Diagnostic> notes, boolean principalNamed, boolean only,
               int[] effectSpan, int[] principalSpan, int[] actionSpan) {
    public Reading {
        principal = List.copyOf(principal);
        whenReadings = List.copyOf(whenReadings);
        notes = List.copyOf(notes);
    }
}
