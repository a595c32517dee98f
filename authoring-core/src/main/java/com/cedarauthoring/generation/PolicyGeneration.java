package com.cedarauthoring.generation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One StartPolicyGeneration and where it stands.
 *
 * @param resourceArn the gateway every generated policy is scoped to
 * @param rawText     the natural-language input, kept so a restarted job can run again
 * @param startedBy   the principal who started it; nobody approves a generation they started (four-eyes)
 */
public record PolicyGeneration(String policyEngineId, String policyGenerationId, String name, String arn,
                               String resourceArn, String rawText, GenerationStatus status,
                               List<String> statusReasons, Instant createdAt, Instant updatedAt, String startedBy) {
    public PolicyGeneration {
        Objects.requireNonNull(policyEngineId, "policyEngineId");
        Objects.requireNonNull(policyGenerationId, "policyGenerationId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(resourceArn, "resourceArn");
        Objects.requireNonNull(rawText, "rawText");
        Objects.requireNonNull(status, "status");
        statusReasons = statusReasons == null ? List.of() : List.copyOf(statusReasons);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        startedBy = startedBy == null ? "local" : startedBy;
    }

    /** Started in local mode. */
    public PolicyGeneration(String policyEngineId, String policyGenerationId, String name, String arn,
                            String resourceArn, String rawText, GenerationStatus status,
                            List<String> statusReasons, Instant createdAt, Instant updatedAt) {
        this(policyEngineId, policyGenerationId, name, arn, resourceArn, rawText, status, statusReasons, createdAt,
                updatedAt, "local");
    }
}
