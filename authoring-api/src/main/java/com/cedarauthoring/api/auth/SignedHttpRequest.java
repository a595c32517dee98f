package com.cedarauthoring.api.auth;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A received request exactly as it came over the wire, which is what a SigV4 signature covers.
 *
 * @param rawPath  the path as sent, still percent-encoded
 * @param rawQuery the query string as sent (without {@code ?}), or empty
 * @param headers  header values by lower-case name, in the order received
 */
public record SignedHttpRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                                byte[] body) {
    public SignedHttpRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        rawQuery = rawQuery == null ? "" : rawQuery;
        Map<String, List<String>> lower = new TreeMap<>();
        headers.forEach((k, v) -> lower.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new java.util.ArrayList<>()).addAll(v));
        lower.replaceAll((k, v) -> List.copyOf(v));
        headers = Map.copyOf(lower);
        body = body == null ? new byte[0] : body;
    }

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
