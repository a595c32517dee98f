package com.cedarauthoring.generation;

import com.cedarauthoring.explain.DecisionExample;
import com.cedarauthoring.findings.Finding;
import com.cedarauthoring.findings.Span;
import com.cedarauthoring.translate.Alignment;
import com.cedarauthoring.translate.Provenance;
import java.util.List;
import java.util.Optional;

/** What the pipeline produces for one candidate, before it is stored and given an id. */
public record AssetDraft(Optional<String> cedar, String rawTextFragment, Optional<Span> span, List<Finding> findings,
                         Optional<String> explanation, List<DecisionExample> examples, Provenance provenance,
                         Alignment alignment) {
    public AssetDraft {
        findings = List.copyOf(findings);
        examples = List.copyOf(examples);
        alignment = alignment == null ? Alignment.none() : alignment;
    }

    /** A draft without grounding evidence (nothing was checked). */
    public AssetDraft(Optional<String> cedar, String rawTextFragment, Optional<Span> span, List<Finding> findings,
                      Optional<String> explanation, List<DecisionExample> examples, Provenance provenance) {
        this(cedar, rawTextFragment, span, findings, explanation, examples, provenance, Alignment.none());
    }

    public Asset withId(String policyGenerationAssetId) {
        return new Asset(policyGenerationAssetId, cedar, rawTextFragment, span, findings, explanation, examples, provenance,
                alignment);
    }

    public boolean hasError() {
        return findings.stream().anyMatch(f -> f.type().isError());
    }
}
