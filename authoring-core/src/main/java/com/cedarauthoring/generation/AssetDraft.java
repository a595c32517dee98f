package com.cedarauthoring.generation;

import com.cedarauthoring.explain.DecisionExample;
import com.cedarauthoring.findings.Finding;
import com.cedarauthoring.findings.Span;
import com.cedarauthoring.translate.Provenance;
import java.util.List;
import java.util.Optional;

/** What the pipeline produces for one candidate, before it is stored and given an id. */
public record AssetDraft(Optional<String> cedar, String rawTextFragment, Optional<Span> span, List<Finding> findings,
                         Optional<String> explanation, List<DecisionExample> examples, Provenance provenance) {
    public AssetDraft {
        findings = List.copyOf(findings);
        examples = List.copyOf(examples);
    }

    public Asset withId(String policyGenerationAssetId) {
        return new Asset(policyGenerationAssetId, cedar, rawTextFragment, span, findings, explanation, examples, provenance);
    }

    public boolean hasError() {
        return findings.stream().anyMatch(f -> f.type().isError());
    }
}
