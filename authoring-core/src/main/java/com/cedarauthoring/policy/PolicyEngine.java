package com.cedarauthoring.policy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A policy engine as AgentCore describes it. {@code description} and {@code encryptionKeyArn} are null when
 * unset; the key ARN is only stored and returned (this service does not encrypt with it).
 */
public record PolicyEngine(String policyEngineId, String name, String policyEngineArn, String description,
                           String encryptionKeyArn, PolicyStatus status, List<String> statusReasons, Instant createdAt,
                           Instant updatedAt) {
    public PolicyEngine {
        Objects.requireNonNull(policyEngineId, "policyEngineId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(policyEngineArn, "policyEngineArn");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        statusReasons = statusReasons == null ? List.of() : List.copyOf(statusReasons);
    }

    public PolicyEngine withStatus(PolicyStatus newStatus) {
        return new PolicyEngine(policyEngineId, name, policyEngineArn, description, encryptionKeyArn, newStatus, statusReasons, createdAt, updatedAt);
    }

    public EngineRef ref() {
        return new EngineRef(policyEngineId, policyEngineArn, name);
    }
}
