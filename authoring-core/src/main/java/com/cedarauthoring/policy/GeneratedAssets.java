package com.cedarauthoring.policy;

import java.util.Optional;

/** Lookup of generated assets for CreatePolicy with {@code definition.policyGeneration}. A port the policy feature owns; the generation feature implements it. */
public interface GeneratedAssets {
    Optional<GeneratedAsset> find(String policyEngineId, String policyGenerationId, String policyGenerationAssetId);
}
