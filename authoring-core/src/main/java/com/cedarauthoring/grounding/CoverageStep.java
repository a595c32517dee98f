package com.cedarauthoring.grounding;

import com.cedarauthoring.findings.FindingCode;
import java.util.List;

/** Every content word is accounted for by some part of the policy (section 5). */
final class CoverageStep {
    private CoverageStep() {}

    static void apply(Grounding g) {
        List<Tok> left = g.text.unconsumedContent();
        if (left.isEmpty()) {
            return;
        }
        boolean anyPrincipalTest = g.atoms.stream().anyMatch(Atom::isTag);
        for (Tok tok : left) {
            if (!anyPrincipalTest && Lexicon.GROUP_NOUNS.contains(tok.lower())) {
                g.flag(FindingCode.GROUP_PRINCIPAL, "\"" + tok.text() + "\" names a group that the caller's token "
                        + "does not identify; write \"users with role ...\" (or the claim that identifies them).",
                        g.text.span(tok));
                return;
            }
        }
        String words = String.join("\", \"", left.stream().map(Tok::text).distinct().toList());
        g.flag(FindingCode.UNCONSUMED_WORDS, "No part of the policy accounts for \"" + words
                + "\"; the policy would say less than the requirement.",
                g.text.span(left.get(0).start(), left.get(left.size() - 1).end()));
    }
}
