package com.cedarauthoring.policy;

import java.util.Optional;

/** An UpdatePolicy request: every member optional; absent members leave the policy as it is. */
public record PolicyChange(DescriptionChange description, Optional<PolicyDefinition> definition,
                           Optional<ValidationMode> validationMode, Optional<EnforcementMode> enforcementMode) {
    public PolicyChange {
        description = description == null ? DescriptionChange.UNCHANGED : description;
        definition = definition == null ? Optional.empty() : definition;
        validationMode = validationMode == null ? Optional.empty() : validationMode;
        enforcementMode = enforcementMode == null ? Optional.empty() : enforcementMode;
    }
}
