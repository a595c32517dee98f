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

class IdempotencyStoreTest {
    record Response(String id, int n) {}

    static final String TOKEN = "a".repeat(20) + "-" + "b".repeat(20);

    @TempDir
    Path dir;

    @Test
    void sameTokenSameRequestReplaysDifferentRequestIsAMismatch() {
        try (Database db = Database.embedded(dir)) {
            IdempotencyStore store = new IdempotencyStore(db.jdbc(), Clock.systemUTC());
            AtomicInteger runs = new AtomicInteger();
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("name", "x");
            request.put("description", "d");
            Response first = store.once("Op", Optional.of(TOKEN), request, Response.class,
                    () -> new Response("id-" + runs.incrementAndGet(), 7));
            // the same request with members in another order is the same request
            Map<String, Object> reordered = new LinkedHashMap<>();
            reordered.put("description", "d");
            reordered.put("name", "x");
            Response again = store.once("Op", Optional.of(TOKEN), reordered, Response.class,
                    () -> new Response("id-" + runs.incrementAndGet(), 7));
            assertThat(again).isEqualTo(first);
            assertThat(runs).hasValue(1);

            assertThatThrownBy(() -> store.once("Op", Optional.of(TOKEN), Map.of("name", "y"), Response.class,
                    () -> new Response("never", 0)))
                    .isInstanceOfSatisfying(ValidationException.class, v -> assertThat(v.reason())
                            .isEqualTo(ValidationException.Reason.IdempotentParameterMismatchException));
            // scopes are independent; no token means no idempotency
            store.once("OtherOp", Optional.of(TOKEN), Map.of("name", "y"), Response.class, () -> new Response("o", 1));
            store.once("Op", Optional.empty(), request, Response.class, () -> new Response("id-" + runs.incrementAndGet(), 7));
            assertThat(runs).hasValue(2);
        }
    }

    @Test
    void failedActionLeavesNoRecord() {
        try (Database db = Database.embedded(dir)) {
            IdempotencyStore store = new IdempotencyStore(db.jdbc(), Clock.systemUTC());
            assertThatThrownBy(() -> store.once("Op", Optional.of(TOKEN), Map.of("a", 1), Response.class, () -> {
                throw new IllegalStateException("boom");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(store.once("Op", Optional.of(TOKEN), Map.of("a", 2), Response.class, () -> new Response("ok", 1)).id())
                    .isEqualTo("ok");
        }
    }

    @Test
    void tokenConstraints() {
        assertThat(IdempotencyStore.requireValidToken("clientToken", Optional.of(TOKEN))).contains(TOKEN);
        assertThatThrownBy(() -> IdempotencyStore.requireValidToken("clientToken", Optional.of("short")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("33 and 256");
        assertThatThrownBy(() -> IdempotencyStore.requireValidToken("clientToken", Optional.of("x".repeat(40) + "!")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("pattern");
    }
}
