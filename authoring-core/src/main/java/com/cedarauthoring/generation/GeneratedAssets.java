package com.cedarauthoring.generation;

import java.util.Optional;

/** Lookup of generated assets for CreatePolicy with {@code definition.policyGeneration}. Implemented by the generation feature. */
public interface GeneratedAssets {
    Optional<GeneratedAsset> find(String policyEngineId, String policyGenerationId, String policyGenerationAssetId);
}
