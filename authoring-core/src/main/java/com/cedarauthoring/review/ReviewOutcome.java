package com.cedarauthoring.review;

import com.cedarauthoring.policy.Policy;
import java.util.Optional;

/** The answer to a review: the recorded review, and the policy when this approval created one. */
public record ReviewOutcome(Review review, Optional<Policy> policy, boolean dryRun) {
    public ReviewOutcome {
        policy = policy == null ? Optional.empty() : policy;
    }
}
