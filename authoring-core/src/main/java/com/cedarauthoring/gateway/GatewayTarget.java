package com.cedarauthoring.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A stored gateway target and the tools it contributes to the gateway's schema.
 *
 * @param document every request member as sent (name, description, targetConfiguration,
 *                 credentialProviderConfigurations...), echoed back in responses
 * @param tools    the tools read from the target configuration (empty for targets whose tools are not inline)
 */
public record GatewayTarget(String gatewayId, String targetId, String name, String status, ObjectNode document,
                            List<Tool> tools, Instant createdAt, Instant updatedAt) {
    public GatewayTarget {
        if (gatewayId == null || targetId == null || name == null || document == null) {
            throw new IllegalArgumentException("target is missing a required field");
        }
        tools = List.copyOf(tools);
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
