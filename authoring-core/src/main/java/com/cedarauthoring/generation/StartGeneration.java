package com.cedarauthoring.generation;

import com.cedarauthoring.store.ClientToken;
import java.util.Optional;

/** A StartPolicyGeneration request as read from the wire (validated by {@link GenerationService#start}). */
public record StartGeneration(String policyEngineId, String name, String resourceArn, String rawText,
                              Optional<ClientToken> clientToken) {
    public StartGeneration {
        clientToken = clientToken == null ? Optional.empty() : clientToken;
    }
}
