package com.cedarauthoring.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * One stored event. {@code hash} is SHA-256 over the previous event's hash and every other field, so
 * changing, removing or reordering an event breaks the chain from there on.
 *
 * @param sequence 1, 2, 3... with no gaps
 */
public record AuditEvent(long sequence, String eventId, Instant time, String principal, String action,
                         String resourceArn, String details, Optional<String> statementSha256,
                         String previousHash, String hash) {
    /** The previous hash of the first event. */
    public static final String GENESIS = "0".repeat(64);

    public AuditEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(time, "time");
        statementSha256 = statementSha256 == null ? Optional.empty() : statementSha256;
    }

    /** The hash this event should carry given its fields and {@code previousHash}. */
    public String expectedHash() {
        return hash(sequence, eventId, time, principal, action, resourceArn, details, statementSha256, previousHash);
    }

    static String hash(long sequence, String eventId, Instant time, String principal, String action,
                       String resourceArn, String details, Optional<String> statementSha256, String previousHash) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            // NUL separators: no field can be shifted into its neighbour without changing the hash.
            for (String part : new String[] {previousHash, Long.toString(sequence), eventId, time.toString(), principal,
                    action, resourceArn, details, statementSha256.orElse("")}) {
                d.update(part.getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
