package com.cedarauthoring.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;

/**
 * A stored gateway.
 *
 * @param document      every request member as the client sent it (name, roleArn, authorizerConfiguration,
 *                      policyEngineConfiguration...), echoed back in responses; the typed fields are copies
 *                      of the members the service itself needs
 * @param schemaVersion bumped on every change that can alter the derived schema (cache key)
 */
public record Gateway(String gatewayId, String gatewayArn, String name, AuthorizerType authorizerType,
                      Optional<PolicyEngineConfiguration> policyEngine, String status, long schemaVersion,
                      ObjectNode document, Instant createdAt, Instant updatedAt) {
    public static final String READY = "READY";
    public static final String DELETING = "DELETING";

    /** {@code policyEngineConfiguration}: the engine whose policies the gateway evaluates, and how. */
    public record PolicyEngineConfiguration(String arn, Mode mode) {
        public enum Mode { LOG_ONLY, ENFORCE }

        public PolicyEngineConfiguration {
            if (arn == null || arn.isEmpty() || mode == null) {
                throw new IllegalArgumentException("policy engine configuration needs arn and mode");
            }
        }
    }

    public Gateway {
        if (gatewayId == null || gatewayArn == null || name == null || authorizerType == null || document == null) {
            throw new IllegalArgumentException("gateway is missing a required field");
        }
        policyEngine = policyEngine == null ? Optional.empty() : policyEngine;
        document = document.deepCopy();
    }

    public Optional<String> description() {
        return document.path("description").isTextual() ? Optional.of(document.get("description").textValue())
                : Optional.empty();
    }

    @Override
    public ObjectNode document() {
        return document.deepCopy();
    }
}
