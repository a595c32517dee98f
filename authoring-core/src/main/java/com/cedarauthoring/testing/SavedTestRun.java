package com.cedarauthoring.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A test run kept for later: who ran it, when, against which engine, the asset under review it is attached
 * to (if any), and the run as it was answered.
 */
public record SavedTestRun(String testRunId, String policyEngineId, Optional<AssetRef> attachedTo, String createdBy,
                           Instant createdAt, long passed, long failed, JsonNode result) {
    /** A generated asset: the review it informs. */
    public record AssetRef(String policyGenerationId, String policyGenerationAssetId) {
        public AssetRef {
            Objects.requireNonNull(policyGenerationId, "policyGenerationId");
            Objects.requireNonNull(policyGenerationAssetId, "policyGenerationAssetId");
        }
    }

    public SavedTestRun {
        Objects.requireNonNull(testRunId, "testRunId");
        Objects.requireNonNull(policyEngineId, "policyEngineId");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(result, "result");
        attachedTo = attachedTo == null ? Optional.empty() : attachedTo;
        result = result.deepCopy();
    }
}
