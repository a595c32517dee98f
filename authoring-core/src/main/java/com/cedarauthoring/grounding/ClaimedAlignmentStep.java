package com.cedarauthoring.grounding;

import com.cedarauthoring.findings.FindingCode;
import com.cedarauthoring.findings.Span;
import com.cedarauthoring.translate.Alignment;
import java.util.Locale;

/**
 * A translator's own alignment is a claim: each span must lie in the requirement, and a condition's
 * literal must be among the words it points at. The derived evidence is checked regardless.
 */
final class ClaimedAlignmentStep {
    private ClaimedAlignmentStep() {}

    static void apply(Grounding g, Alignment claimed) {
        RequirementText t = g.text;
        for (Alignment.Part part : claimed.parts()) {
            StringBuilder said = new StringBuilder();
            for (Span s : part.spans()) {
                int start = s.start() - t.base;
                int end = s.end() - t.base;
                if (start < 0 || end > t.text.length() || start >= end) {
                    g.flag(FindingCode.ALIGNMENT_MISMATCH, "The translator points " + part.role().name().toLowerCase(Locale.ROOT)
                            + " '" + part.target() + "' at characters " + s.start() + "-" + s.end()
                            + ", outside the requirement.", null);
                    return;
                }
                said.append(t.text, start, end).append(' ');
            }
            if (part.role() == Alignment.Role.CONDITION) {
                for (Atom a : g.atoms) {
                    if (!sameAtom(a.cedar(), part.target())) {
                        continue;
                    }
                    for (Object v : a.values()) {
                        if (v instanceof String s && !said.toString().toLowerCase(Locale.ROOT).contains(s.toLowerCase(Locale.ROOT))) {
                            g.flag(FindingCode.ALIGNMENT_MISMATCH, "The translator says '" + part.target()
                                    + "' comes from \"" + said.toString().strip() + "\", which does not say \"" + s + "\".",
                                    part.spans().get(0));
                        }
                    }
                }
            }
        }
    }

    private static boolean sameAtom(String a, String b) {
        return a.replaceAll("\\s+", "").equals(b.replaceAll("\\s+", ""));
    }
}
