package com.cedarauthoring.policy;

import java.util.Objects;
import java.util.Optional;

/** A CreatePolicy request (without the engine id and clientToken), as checked and fingerprinted for idempotency. */
public record NewPolicy(String name, PolicyDefinition definition, Optional<String> description,
                        Optional<ValidationMode> validationMode, Optional<EnforcementMode> enforcementMode) {
    public NewPolicy {
        Objects.requireNonNull(definition, "definition");
        description = description == null ? Optional.empty() : description;
        validationMode = validationMode == null ? Optional.empty() : validationMode;
        enforcementMode = enforcementMode == null ? Optional.empty() : enforcementMode;
    }

    public static NewPolicy of(String name, PolicyDefinition definition) {
        return new NewPolicy(name, definition, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
