package com.cedarauthoring.generation;

import com.cedarauthoring.store.ClientToken;
import java.util.Optional;

/** A StartPolicyGeneration request as read from the wire (validated by {@link GenerationService#start}). */
public record StartGeneration(String policyEngineId, String name, String resourceArn, String rawText,
                              Optional<ClientToken> clientToken, String startedBy) {
    public StartGeneration {
        clientToken = clientToken == null ? Optional.empty() : clientToken;
        startedBy = startedBy == null ? "local" : startedBy;
    }

    /** Started in local mode. */
    public StartGeneration(String policyEngineId, String name, String resourceArn, String rawText,
                           Optional<ClientToken> clientToken) {
        this(policyEngineId, name, resourceArn, rawText, clientToken, "local");
    }
}
