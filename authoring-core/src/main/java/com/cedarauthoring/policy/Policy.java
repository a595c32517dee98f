package com.cedarauthoring.policy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored policy. {@code statement} is always the resolved Cedar text (also for policies created from
 * a generation asset); {@code kind} is the definition member it is answered with.
 *
 * @param resourceScope the gateway ARN of {@code resource == AgentCore::Gateway::"..."}, null when unscoped
 */
public record Policy(String policyId, String policyEngineId, String name, String policyArn, String description,
                     StatementKind kind, String statement, String resourceScope, ValidationMode validationMode,
                     EnforcementMode enforcementMode, PolicyStatus status, List<String> statusReasons,
                     Instant createdAt, Instant updatedAt) {
    public Policy {
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(policyEngineId, "policyEngineId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(policyArn, "policyArn");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(validationMode, "validationMode");
        Objects.requireNonNull(enforcementMode, "enforcementMode");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        statusReasons = statusReasons == null ? List.of() : List.copyOf(statusReasons);
    }

    public Optional<String> descriptionIfAny() {
        return Optional.ofNullable(description);
    }

    /** The same policy as an in-flight call reports it (CREATING, UPDATING, DELETING): no reasons yet. */
    public Policy reportedAs(PolicyStatus transitional) {
        return new Policy(policyId, policyEngineId, name, policyArn, description, kind, statement, resourceScope,
                validationMode, enforcementMode, transitional, List.of(), createdAt, updatedAt);
    }
}
