package com.cedarauthoring.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cedarauthoring.errors.ValidationException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdempotencyTest {
    record Response(String id, int n) {}

    static final Optional<ClientToken> TOKEN = Optional.of(new ClientToken("a".repeat(20) + "-" + "b".repeat(20)));
    static final Idempotency.Scope OP = Idempotency.Scope.of(Idempotency.Operation.CreatePolicyEngine);
    static final Idempotency.Scope OTHER = Idempotency.Scope.of(Idempotency.Operation.CreatePolicy, "Engine-0123456789");

    @TempDir
    Path dir;

    @Test
    void sameTokenSameRequestReplaysDifferentRequestIsAMismatch() {
        try (Database db = Database.embedded(dir)) {
            Idempotency store = new Idempotency(db.jdbc(), Clock.systemUTC());
            AtomicInteger runs = new AtomicInteger();
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("name", "x");
            request.put("description", "d");
            Response first = store.once(OP, TOKEN, request, Response.class,
                    () -> new Response("id-" + runs.incrementAndGet(), 7));
            // the same request with members in another order is the same request
            Map<String, Object> reordered = new LinkedHashMap<>();
            reordered.put("description", "d");
            reordered.put("name", "x");
            Response again = store.once(OP, TOKEN, reordered, Response.class,
                    () -> new Response("id-" + runs.incrementAndGet(), 7));
            assertThat(again).isEqualTo(first);
            assertThat(runs).hasValue(1);

            assertThatThrownBy(() -> store.once(OP, TOKEN, Map.of("name", "y"), Response.class,
                    () -> new Response("never", 0)))
                    .isInstanceOfSatisfying(ValidationException.class, v -> assertThat(v.reason())
                            .isEqualTo(ValidationException.Reason.IdempotentParameterMismatchException));
            // scopes are independent; no token means no idempotency
            store.once(OTHER, TOKEN, Map.of("name", "y"), Response.class, () -> new Response("o", 1));
            store.once(OP, Optional.empty(), request, Response.class, () -> new Response("id-" + runs.incrementAndGet(), 7));
            assertThat(runs).hasValue(2);
        }
    }

    @Test
    void failedActionLeavesNoRecord() {
        try (Database db = Database.embedded(dir)) {
            Idempotency store = new Idempotency(db.jdbc(), Clock.systemUTC());
            assertThatThrownBy(() -> store.once(OP, TOKEN, Map.of("a", 1), Response.class, () -> {
                throw new IllegalStateException("boom");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(store.once(OP, TOKEN, Map.of("a", 2), Response.class, () -> new Response("ok", 1)).id())
                    .isEqualTo("ok");
        }
    }

    @Test
    void tokenConstraints() {
        assertThat(new ClientToken("x".repeat(33)).value()).hasSize(33);
        assertThat(ClientToken.of(Optional.empty())).isEmpty();
        assertThatThrownBy(() -> new ClientToken("short"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("between 33 and 256");
        assertThatThrownBy(() -> new ClientToken("x".repeat(257)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("between 33 and 256");
        assertThatThrownBy(() -> new ClientToken("x".repeat(40) + "!"))
                .isInstanceOfSatisfying(ValidationException.class, v -> assertThat(v.fieldList())
                        .extracting(ValidationException.FieldError::name).containsExactly("clientToken"))
                .hasMessageContaining("pattern");
    }

    /**
     * Parallel identical requests with one token: every one gets the first answer and the action runs once,
     * even when the action would fail for the losers (the name they would create is taken by the winner).
     */
    @Test
    void parallelDuplicatesAllGetTheFirstAnswer() throws Exception {
        try (Database db = Database.embedded(dir)) {
            Idempotency store = new Idempotency(db.jdbc(), Clock.systemUTC());
            AtomicInteger runs = new AtomicInteger();
            var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            try {
                var start = new java.util.concurrent.CountDownLatch(1);
                var futures = new java.util.ArrayList<java.util.concurrent.Future<Response>>();
                for (int i = 0; i < 16; i++) {
                    futures.add(pool.submit(() -> {
                        start.await();
                        return store.once(OP, TOKEN, Map.of("name", "x"), Response.class, () -> {
                            int n = runs.incrementAndGet();
                            // what a unique name constraint does to a second creator
                            db.jdbc().update("INSERT INTO idempotency_records (scope, client_token, request_hash,"
                                    + " response_json, created_at) VALUES ('probe', 'probe', 'h', 'x', CURRENT_TIMESTAMP)");
                            return new Response("id-" + n, n);
                        });
                    }));
                }
                start.countDown();
                Response first = futures.get(0).get();
                for (var f : futures) {
                    assertThat(f.get()).isEqualTo(first);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(runs).hasValue(1);
        }
    }
}
