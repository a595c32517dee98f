package com.cedarauthoring.translate;

import com.cedarauthoring.findings.CandidateCheck;
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
 * @param alignment       the translator's claim of which words each policy part came from; verified by the
 *                        pipeline's grounding check, never trusted ({@link Alignment#none()} when not given)
 * @param checked         the translator's own passed {@link CandidateCheck} of {@code cedar} (the model translator's
 *                        repair loop runs it), so the pipeline need not validate the same text again; the
 *                        pipeline uses it only when it {@link CandidateCheck.Outcome.Valid#covers covers} exactly
 *                        this text and the schema of the run, and checks the candidate itself otherwise
 */
public record Candidate(String rawTextFragment, Span span, Optional<String> cedar, List<Finding> findings,
                        Provenance provenance, Alignment alignment, Optional<CandidateCheck.Outcome.Valid> checked) {
    public Candidate {
        findings = List.copyOf(findings);
        cedar = cedar == null ? Optional.empty() : cedar;
        alignment = alignment == null ? Alignment.none() : alignment;
        checked = checked == null ? Optional.empty() : checked;
    }

    /** A candidate the pipeline checks from scratch. */
    public Candidate(String rawTextFragment, Span span, Optional<String> cedar, List<Finding> findings,
                     Provenance provenance, Alignment alignment) {
        this(rawTextFragment, span, cedar, findings, provenance, alignment, Optional.empty());
    }

    /** A candidate whose translator gives no alignment. */
    public Candidate(String rawTextFragment, Span span, Optional<String> cedar, List<Finding> findings,
                     Provenance provenance) {
        this(rawTextFragment, span, cedar, findings, provenance, Alignment.none(), Optional.empty());
    }

    public Candidate withAlignment(Alignment newAlignment) {
        return new Candidate(rawTextFragment, span, cedar, findings, provenance, newAlignment, checked);
    }
}
