package com.cedarauthoring.review;

/** Where an asset's review stands. APPROVED and REJECTED are final; CHANGES_REQUESTED can still be reviewed. */
public enum ReviewStatus {
    PENDING_REVIEW, APPROVED, REJECTED, CHANGES_REQUESTED;

    public boolean isFinal() {
        return this == APPROVED || this == REJECTED;
    }
}
