package com.cedarauthoring.review;

import java.util.List;
import java.util.Optional;

/** An asset's {@code review} member: {@code {status, reviews, policyId?}}, derived from its history. */
public record ReviewState(ReviewStatus status, int reviews, Optional<String> policyId) {
    public static final ReviewState PENDING = new ReviewState(ReviewStatus.PENDING_REVIEW, 0, Optional.empty());

    public ReviewState {
        policyId = policyId == null ? Optional.empty() : policyId;
    }

    /** The state after these reviews (oldest first). */
    public static ReviewState of(List<Review> history) {
        if (history.isEmpty()) {
            return PENDING;
        }
        for (Review r : history) {
            if (r.policyId().isPresent()) {
                return new ReviewState(ReviewStatus.APPROVED, history.size(), r.policyId());
            }
        }
        ReviewStatus status = switch (history.get(history.size() - 1).decision()) {
            case REJECT -> ReviewStatus.REJECTED;
            case REQUEST_CHANGES -> ReviewStatus.CHANGES_REQUESTED;
            // an approval that did not yet complete the required count
            case APPROVE -> ReviewStatus.PENDING_REVIEW;
        };
        return new ReviewState(status, history.size(), Optional.empty());
    }
}
