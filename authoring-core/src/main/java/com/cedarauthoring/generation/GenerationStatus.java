package com.cedarauthoring.generation;

/** AgentCore's PolicyGenerationStatus. GENERATING is the only non-final state. */
public enum GenerationStatus {
    GENERATING, GENERATED, GENERATE_FAILED, DELETE_FAILED
}
