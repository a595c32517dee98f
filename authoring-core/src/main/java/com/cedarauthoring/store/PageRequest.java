package com.cedarauthoring.store;

import com.cedarauthoring.errors.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * AgentCore pagination: {@code maxResults} 1-100 (default 10) and an opaque {@code nextToken}.
 * The token encodes the offset of the next item; it is opaque to clients and validated here.
 */
public record PageRequest(int maxResults, long offset) {
    public static final int DEFAULT_MAX_RESULTS = 10;
    private static final String PREFIX = "v1:";

    public PageRequest {
        if (maxResults < 1 || maxResults > 100) {
            throw ValidationException.field("maxResults", "Member must have value between 1 and 100, inclusive");
        }
        if (offset < 0) {
            throw ValidationException.field("nextToken", "Member is not a valid pagination token");
        }
    }

    /** From raw query values (either may be null). */
    public static PageRequest of(String maxResults, String nextToken) {
        int max = DEFAULT_MAX_RESULTS;
        if (maxResults != null) {
            try {
                max = Integer.parseInt(maxResults.trim());
            } catch (NumberFormatException e) {
                throw ValidationException.field("maxResults", "Member must be an integer between 1 and 100");
            }
        }
        return new PageRequest(max, decode(nextToken));
    }

    public static PageRequest first(int maxResults) {
        return new PageRequest(maxResults, 0);
    }

    /** The token for the page after this one, given how many items this page returned and whether more exist. */
    public String tokenAfter(int returned) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + (offset + returned)).getBytes(StandardCharsets.UTF_8));
    }

    private static long decode(String token) {
        if (token == null) {
            return 0;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!raw.startsWith(PREFIX)) {
                throw new IllegalArgumentException();
            }
            return Long.parseLong(raw.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw ValidationException.field("nextToken", "Member is not a valid pagination token");
        }
    }
}
