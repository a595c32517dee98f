package com.cedarauthoring.cedar;

import java.util.List;
import java.util.Set;

/**
 * Outcome of evaluating a request: allowed or not, which policies determined it, and policies that
 * errored during evaluation (Cedar skips those, e.g. a missing optional attribute without a {@code has} guard).
 */
public record Decision(boolean allowed, Set<String> determiningPolicies, List<String> errors) {
    public Decision {
        determiningPolicies = Set.copyOf(determiningPolicies);
        errors = List.copyOf(errors);
    }
}
