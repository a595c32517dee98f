package com.cedarauthoring.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.errors.ConflictException;
import com.cedarauthoring.store.IdempotencyStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What clientToken idempotency promises under concurrency, whatever the database: racing duplicates
 * of one create all get the winner's answer, and the action's effect happens once.
 */
abstract class IdempotencyStoreContract extends StoreContract {
    record Response(String id) {}

    static final String TOKEN = "k".repeat(20) + "-" + "m".repeat(20);

    @Test
    void racingDuplicatesAllGetTheFirstAnswer() throws Exception {
        IdempotencyStore store = new IdempotencyStore(database().jdbc(), Clock.systemUTC());
        AtomicInteger runs = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(() -> store.once("CreateThing", Optional.of(TOKEN), Map.of("name", "x"), Response.class, () -> {
                // the action's own unique constraint, as CreatePolicy's name: only one insert can win
                database().jdbc().update("INSERT INTO idempotency_records (scope, client_token, request_hash, response_json,"
                        + " created_at) VALUES ('thing', 'x', 'h', '{}', CURRENT_TIMESTAMP)");
                return new Response("id-" + runs.incrementAndGet());
            }));
        }
        List<String> answers = new ArrayList<>();
        try {
            for (Future<Response> f : pool.invokeAll(calls)) {
                answers.add(f.get().id());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(answers).hasSize(6).containsOnly(answers.get(0));
        assertThat(database().jdbc().queryOne("SELECT COUNT(*) FROM idempotency_records WHERE scope = 'thing'",
                rs -> rs.getInt(1))).contains(1);
    }

    @Test
    void aLosingActionWithoutTokenSurfacesItsConflict() {
        IdempotencyStore store = new IdempotencyStore(database().jdbc(), Clock.systemUTC());
        store.once("Op", Optional.of(TOKEN), Map.of("a", 1), Response.class, () -> new Response("first"));
        // a different token is a different request: the action runs and its own error stands
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.once("Op", Optional.of(TOKEN.replace('k', 'j')),
                Map.of("a", 1), Response.class, () -> {
                    throw new ConflictException("name taken");
                })).isInstanceOf(ConflictException.class);
    }
}
