package com.cedarauthoring.tags;

import java.util.Collection;
import java.util.Map;

/** Persistence port of tags, keyed by resource ARN. */
public interface TagStore {

    /** Adds or overwrites these tags, refusing (nothing written) when the resource would exceed {@code maxTags}. */
    void put(String resourceArn, Map<String, String> tags, int maxTags);

    void remove(String resourceArn, Collection<String> keys);

    void removeAll(String resourceArn);

    /** The resource's tags, by key. */
    Map<String, String> tags(String resourceArn);
}
