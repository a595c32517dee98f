package com.cedarauthoring.translate;

import com.cedarauthoring.findings.Finding;
import com.cedarauthoring.findings.Span;
import java.util.List;
import java.util.Optional;

/**
 * One proposed policy for (part of) a requirement. The pipeline parses, validates and analyses it
 * regardless of which translator made it.
 *
 * @param rawTextFragment exact text of the raw input this candidate covers
 * @param span            where that fragment sits in the raw input
 * @param cedar           the proposed policy, absent when the translator could not express it
 * @param findings        the translator's own findings (NOT_TRANSLATABLE, AMBIGUOUS...), spans into the raw text
 * @param provenance      who produced it and how
 */
public record Candidate(String rawTextFragment, Span span, Optional<String> cedar, List<Finding> findings,
                        Provenance provenance) {
    public Candidate {
        findings = List.copyOf(findings);
        cedar = cedar == null ? Optional.empty() : cedar;
    }
}
