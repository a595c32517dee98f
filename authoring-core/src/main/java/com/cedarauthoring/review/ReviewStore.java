package com.cedarauthoring.review;

import com.cedarauthoring.store.Page;
import com.cedarauthoring.store.PageRequest;
import java.util.List;
import java.util.Map;

/** Persistence of review decisions. Append-only; {@link #insert} fails on a taken (asset, sequence). */
public interface ReviewStore {
    void insert(Review review);

    /** Oldest first. */
    List<Review> history(String policyGenerationId, String policyGenerationAssetId);

    Page<Review> page(String policyGenerationId, String policyGenerationAssetId, PageRequest page);

    /** The review state of every asset of a generation that has been reviewed, by asset id. */
    Map<String, ReviewState> states(String policyGenerationId);
}
