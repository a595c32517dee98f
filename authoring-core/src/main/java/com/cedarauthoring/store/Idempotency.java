package com.cedarauthoring.store;

import com.cedarauthoring.errors.ValidationException;
import com.cedarauthoring.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * AgentCore's {@code clientToken} idempotency, for every create operation: the same token with the
 * same request returns the first response; the same token with a different request is a
 * ValidationException with reason {@code IdempotentParameterMismatchException}.
 *
 * <p>Concurrency: the token is <em>claimed</em> (its record inserted) at the start of the transaction
 * that runs the action, and the response is written into the claim at its end. A concurrent duplicate
 * therefore blocks on the claim's key until the first transaction ends, then either replays the
 * committed response or, if the first one rolled back, runs the action itself. So N parallel identical
 * requests all get the first answer, never a "name already exists" from their own attempt.
 */
public final class Idempotency {
    /** The create operations that take a clientToken; a token is scoped to its operation and parent. */
    public enum Operation { CreateGateway, CreateGatewayTarget, CreatePolicyEngine, CreatePolicy, StartPolicyGeneration,
        /** Extension: {@code POST .../assets/{assetId}/review}, scoped to the generation and asset. */
        ReviewPolicyGenerationAsset }

    /**
     * Where a token is unique: an operation, and the parent resource for child resources (a gateway for
     * its targets, an engine for its policies and generations).
     */
    public record Scope(Operation operation, Optional<String> parent) {
        public Scope {
            Objects.requireNonNull(operation, "operation");
            parent = parent == null ? Optional.empty() : parent;
        }

        public static Scope of(Operation operation) {
            return new Scope(operation, Optional.empty());
        }

        public static Scope of(Operation operation, String parent) {
            return new Scope(operation, Optional.of(parent));
        }

        /** The stored key, e.g. {@code CreatePolicy/<engineId>} (the form records were written with before). */
        String key() {
            return parent.map(p -> operation.name() + "/" + p).orElse(operation.name());
        }
    }

    private static final int CLAIM_ATTEMPTS = 5;

    private final Jdbc jdbc;
    private final Clock clock;

    public Idempotency(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Runs {@code action} at most once per {@code (scope, clientToken)}, in one transaction with the record.
     *
     * @param clientToken  absent: no idempotency, the action just runs (in a transaction all the same, so a
     *                     create behaves alike with and without a token)
     * @param request      any Jackson-serialisable value identifying the request, without the token
     *                     (its canonical fingerprint is stored: member order does not matter)
     * @param responseType the response is stored as JSON and read back as this type on replay
     */
    public <T> T once(Scope scope, Optional<ClientToken> clientToken, Object request, Class<T> responseType,
                      Supplier<T> action) {
        if (clientToken.isEmpty()) {
            return jdbc.inTransaction(action::get);
        }
        String token = clientToken.get().value();
        String hash = fingerprint(request);
        for (int attempt = 1; ; attempt++) {
            Optional<T> replay = replay(scope, token, hash, responseType);
            if (replay.isPresent()) {
                return replay.get();
            }
            try {
                return jdbc.inTransaction(() -> {
                    jdbc.update("INSERT INTO idempotency_records (scope, client_token, request_hash, response_json, created_at)"
                            + " VALUES (?, ?, ?, NULL, ?)", scope.key(), token, hash, clock.instant());
                    T response = action.get();
                    jdbc.update("UPDATE idempotency_records SET response_json = ? WHERE scope = ? AND client_token = ?",
                            toJson(response), scope.key(), token);
                    return response;
                });
            } catch (RuntimeException e) {
                // Lost the claim to a concurrent request with this token: its committed answer stands (next loop).
                // The bound only guards against a database that keeps refusing the claim without a record to show.
                if (!Jdbc.isContention(e) || attempt >= CLAIM_ATTEMPTS) {
                    Optional<T> winner = replay(scope, token, hash, responseType);
                    if (winner.isPresent()) {
                        return winner.get();
                    }
                    throw e;
                }
            }
        }
    }

    private <T> Optional<T> replay(Scope scope, String token, String hash, Class<T> responseType) {
        List<String[]> rows = jdbc.query(
                "SELECT request_hash, response_json FROM idempotency_records WHERE scope = ? AND client_token = ?",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, scope.key(), token);
        if (rows.isEmpty() || rows.get(0)[1] == null) {
            return Optional.empty();
        }
        if (!rows.get(0)[0].equals(hash)) {
            throw new ValidationException(
                    "The clientToken " + token + " was already used with a different request. "
                            + "Use a new clientToken for a new request.",
                    ValidationException.Reason.IdempotentParameterMismatchException,
                    List.of(new ValidationException.FieldError(ClientToken.FIELD,
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

    /** SHA-256 of the request in canonical JSON (object members sorted at every level). */
    static String fingerprint(Object request) {
        StringBuilder sb = new StringBuilder();
        canonical(Json.mapper().valueToTree(request), sb);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static void canonical(JsonNode node, StringBuilder sb) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            Iterator<String> names = node.fieldNames();
            names.forEachRemaining(n -> sorted.put(n, node.get(n)));
            sb.append('{');
            boolean first = true;
            for (var e : sorted.entrySet()) {
                sb.append(first ? "" : ",").append(com.fasterxml.jackson.databind.node.TextNode.valueOf(e.getKey())).append(':');
                canonical(e.getValue(), sb);
                first = false;
            }
            sb.append('}');
        } else if (node.isArray()) {
            sb.append('[');
            for (int i = 0; i < node.size(); i++) {
                sb.append(i == 0 ? "" : ",");
                canonical(node.get(i), sb);
            }
            sb.append(']');
        } else {
            sb.append(node.toString());
        }
    }
}
