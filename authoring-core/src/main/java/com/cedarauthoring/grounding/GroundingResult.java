package com.cedarauthoring.grounding;

import com.cedarauthoring.findings.Finding;
import com.cedarauthoring.translate.Alignment;
import java.util.List;

/** The outcome of the grounding check on one candidate; the alignment is the evidence found either way. */
public sealed interface GroundingResult {

    Alignment alignment();

    /** Every part of the policy has words of the requirement behind it. */
    record Grounded(Alignment alignment) implements GroundingResult {}

    /** Some part does not: the findings name the words (or their absence). */
    record Ungrounded(List<Finding> findings, Alignment alignment) implements GroundingResult {
        public Ungrounded {
            findings = List.copyOf(findings);
            if (findings.isEmpty()) {
                throw new IllegalArgumentException("an ungrounded result names at least one problem");
            }
        }
    }
}
