package com.cedarauthoring.generation;

import com.cedarauthoring.explain.DecisionExample;
import com.cedarauthoring.findings.Finding;
import com.cedarauthoring.findings.Span;
import com.cedarauthoring.translate.Alignment;
import com.cedarauthoring.translate.Provenance;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One stored generation asset: a candidate policy for one requirement, with everything a reviewer needs.
 *
 * @param cedar           the policy statement; absent when nothing could be translated
 * @param rawTextFragment the exact requirement text this asset covers
 * @param span            where that fragment sits in the raw text, if known
 * @param findings        never empty; VALID appears alone
 * @param explanation     plain English, only for schema-valid policies
 * @param examples        allow/deny decision examples, only for schema-valid policies
 * @param provenance      which translator made the candidate (recorded, never used for decisions)
 * @param alignment       the requirement words behind each part of the policy, as the grounding check found them
 */
public record Asset(String policyGenerationAssetId, Optional<String> cedar, String rawTextFragment, Optional<Span> span,
                    List<Finding> findings, Optional<String> explanation, List<DecisionExample> examples,
                    Provenance provenance, Alignment alignment) {
    public Asset {
        Objects.requireNonNull(policyGenerationAssetId, "policyGenerationAssetId");
        Objects.requireNonNull(rawTextFragment, "rawTextFragment");
        cedar = cedar == null ? Optional.empty() : cedar;
        span = span == null ? Optional.empty() : span;
        explanation = explanation == null ? Optional.empty() : explanation;
        findings = List.copyOf(findings);
        if (findings.isEmpty()) {
            throw new IllegalArgumentException("an asset has at least one finding");
        }
        examples = examples == null ? List.of() : List.copyOf(examples);
        Objects.requireNonNull(provenance, "provenance");
        alignment = alignment == null ? Alignment.none() : alignment;
    }

    /** True when a finding makes the asset unusable as a policy (INVALID, NOT_TRANSLATABLE). */
    public boolean hasError() {
        return findings.stream().anyMatch(f -> f.type().isError());
    }
}
