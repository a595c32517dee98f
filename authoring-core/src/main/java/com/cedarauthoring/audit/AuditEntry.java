package com.cedarauthoring.audit;

import com.cedarauthoring.identity.Principal;
import com.cedarauthoring.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a state change appends to the trail; the trail adds the id, time and chain hashes.
 *
 * @param details         canonical JSON (sorted keys) so the hashed text is stable
 * @param statementSha256 SHA-256 of the Cedar statement the change concerns, if any
 */
public record AuditEntry(String principal, String action, String resourceArn, String details,
                         Optional<String> statementSha256) {
    private static final ObjectMapper CANONICAL = Json.copy()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true);

    public AuditEntry {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resourceArn, "resourceArn");
        details = details == null ? "{}" : details;
        statementSha256 = statementSha256 == null ? Optional.empty() : statementSha256;
    }

    public static AuditEntry of(String principal, String action, String resourceArn, Map<String, ?> details,
                                Optional<String> statement) {
        return new AuditEntry(principal, action, resourceArn, canonical(details), statement.map(AuditEntry::sha256));
    }

    /** A change made by {@code actor} that concerns no Cedar statement. */
    public static AuditEntry by(Principal actor, String action, String resourceArn, Map<String, ?> details) {
        return of(actor.name(), action, resourceArn, details, Optional.empty());
    }

    /** A change made by {@code actor} to (or with) a Cedar statement; the event carries the statement's SHA-256. */
    public static AuditEntry by(Principal actor, String action, String resourceArn, Map<String, ?> details,
                                String statement) {
        return of(actor.name(), action, resourceArn, details, Optional.of(statement));
    }

    static String canonical(Object details) {
        try {
            return CANONICAL.writeValueAsString(CANONICAL.valueToTree(details));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details must be JSON", e);
        }
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
