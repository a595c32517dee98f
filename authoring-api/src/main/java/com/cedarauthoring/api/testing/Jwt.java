package com.cedarauthoring.api.testing;

import com.cedarauthoring.errors.ValidationException;
import com.cedarauthoring.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The claims of a bearer JWT as a gateway turns them into principal tags: every claim but {@code sub}
 * becomes a string tag (strings as they are, other values as JSON text); {@code sub} is the entity id.
 * The signature is NOT checked: the MCP endpoint is for testing policies, and says so in the README.
 */
record Jwt(String subject, Map<String, String> tags) {
    /** Where the token goes when {@code Authorization} carries the request's SigV4 signature instead. */
    static final String TEST_HEADER = "X-Amzn-Mcp-Authorization";
    static final int MAX_TOKEN = 8192;
    static final int MAX_CLAIMS = 50;

    Jwt {
        tags = Map.copyOf(tags);
    }

    static Jwt fromBearer(String authorization, String testHeader) {
        String header = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization : testHeader;
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ValidationException.field("Authorization",
                    "The MCP endpoint of a CUSTOM_JWT gateway needs the caller's token: Authorization: Bearer <JWT> (or "
                            + TEST_HEADER + " when Authorization carries a signature)");
        }
        String token = header.substring(7).strip();
        if (token.length() > MAX_TOKEN) {
            throw ValidationException.field("Authorization", "The bearer token must be at most " + MAX_TOKEN + " characters");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw ValidationException.field("Authorization", "The bearer token is not a JWT (header.payload.signature)");
        }
        JsonNode claims;
        try {
            claims = Json.mapper().readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw ValidationException.field("Authorization", "The JWT payload is not base64url-encoded JSON");
        }
        if (claims == null || !claims.isObject()) {
            throw ValidationException.field("Authorization", "The JWT payload must be a JSON object of claims");
        }
        if (claims.size() > MAX_CLAIMS) {
            throw ValidationException.field("Authorization", "The JWT must have at most " + MAX_CLAIMS + " claims");
        }
        String sub = claims.path("sub").isTextual() ? claims.get("sub").textValue() : "anonymous";
        Map<String, String> tags = new LinkedHashMap<>();
        claims.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("sub")) {
                tags.put(e.getKey(), e.getValue().isTextual() ? e.getValue().textValue() : e.getValue().toString());
            }
        });
        return new Jwt(sub, tags);
    }
}
