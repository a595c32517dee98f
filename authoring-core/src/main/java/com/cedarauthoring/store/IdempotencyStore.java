package com.cedarauthoring.store;

import com.cedarauthoring.errors.ValidationException;
import com.cedarauthoring.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * AgentCore's {@code clientToken} idempotency for create calls: the same token with the same request
 * returns the first response; the same token with a different request is a ValidationException with
 * reason {@code IdempotentParameterMismatchException}.
 *
 * <p>The action and the record are written in one transaction, so a concurrent duplicate fails (on the
 * record's key or on the action's own constraints), rolls its own effects back and then answers from the
 * winner's record.
 */
public final class IdempotencyStore {
    public static final String CLIENT_TOKEN_PATTERN = "[a-zA-Z0-9](-*[a-zA-Z0-9]){0,256}";
    private static final Pattern TOKEN = Pattern.compile(CLIENT_TOKEN_PATTERN);
    // Request fingerprints must not depend on map or property order.
    private static final ObjectMapper CANONICAL = Json.copy()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true);

    private final Jdbc jdbc;
    private final Clock clock;

    public IdempotencyStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** AgentCore's ClientToken constraint: 33-256 chars of {@value #CLIENT_TOKEN_PATTERN}. */
    public static Optional<String> requireValidToken(String field, Optional<String> token) {
        token.ifPresent(t -> {
            if (t.length() < 33 || t.length() > 256) {
                throw ValidationException.field(field, "Member must have length between 33 and 256, inclusive");
            }
            if (!TOKEN.matcher(t).matches()) {
                throw ValidationException.field(field, "Member must satisfy regular expression pattern: " + CLIENT_TOKEN_PATTERN);
            }
        });
        return token;
    }

    /**
     * Runs {@code action} at most once per {@code (scope, clientToken)}.
     *
     * @param scope        the operation and its parent, e.g. {@code CreatePolicy/<engineId>}
     * @param clientToken  absent: no idempotency, the action just runs
     * @param request      any Jackson-serialisable value identifying the request (its fingerprint is stored)
     * @param responseType the response is stored as JSON and read back as this type on replay
     */
    public <T> T once(String scope, Optional<String> clientToken, Object request, Class<T> responseType,
                      Supplier<T> action) {
        if (clientToken.isEmpty()) {
            return action.get();
        }
        String token = clientToken.get();
        String hash = fingerprint(request);
        Optional<T> replay = replay(scope, token, hash, responseType);
        if (replay.isPresent()) {
            return replay.get();
        }
        try {
            return jdbc.inTransaction(() -> {
                T response = action.get();
                jdbc.update("INSERT INTO idempotency_records (scope, client_token, request_hash, response_json, created_at)"
                        + " VALUES (?, ?, ?, ?, ?)", scope, token, hash, toJson(response), clock.instant());
                return response;
            });
        } catch (RuntimeException e) {
            // A concurrent request with this token may have won: it fails here on the record's key, or earlier
            // on a constraint of its own (a name taken by the winner). Either way the winner's answer stands.
            Optional<T> winner = replay(scope, token, hash, responseType);
            if (winner.isPresent()) {
                return winner.get();
            }
            throw e;
        }
    }

    private <T> Optional<T> replay(String scope, String token, String hash, Class<T> responseType) {
        List<String[]> rows = jdbc.query(
                "SELECT request_hash, response_json FROM idempotency_records WHERE scope = ? AND client_token = ?",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, scope, token);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        if (!rows.get(0)[0].equals(hash)) {
            throw new ValidationException(
                    "The clientToken " + token + " was already used with a different request",
                    ValidationException.Reason.IdempotentParameterMismatchException,
                    List.of(new ValidationException.FieldError("clientToken",
                            "Member was already used with different request parameters")));
        }
        try {
            return Optional.of(Json.mapper().readValue(rows.get(0)[1], responseType));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored idempotent response cannot be read as " + responseType.getSimpleName(), e);
        }
    }

    private static String toJson(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response cannot be stored as JSON", e);
        }
    }

    static String fingerprint(Object request) {
        try {
            byte[] canonical = CANONICAL.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request cannot be fingerprinted", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
