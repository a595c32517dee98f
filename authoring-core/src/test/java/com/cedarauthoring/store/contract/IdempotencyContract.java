package com.cedarauthoring.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cedarauthoring.errors.ConflictException;
import com.cedarauthoring.policy.JdbcPolicyStore;
import com.cedarauthoring.policy.PolicyEngine;
import com.cedarauthoring.policy.PolicyStatus;
import com.cedarauthoring.store.ClientToken;
import com.cedarauthoring.store.Idempotency;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What clientToken idempotency promises under concurrency, whatever the database: racing duplicates
 * of one create all get the first answer, and the create happens once.
 */
abstract class IdempotencyContract extends StoreContract {
    record Response(String id) {}

    static final Optional<ClientToken> TOKEN = Optional.of(new ClientToken("k".repeat(20) + "-" + "m".repeat(20)));
    static final Idempotency.Scope SCOPE = Idempotency.Scope.of(Idempotency.Operation.CreatePolicyEngine);

    @Test
    void racingDuplicatesAllGetTheFirstAnswer() throws Exception {
        Idempotency idempotency = new Idempotency(database().jdbc(), Clock.systemUTC());
        JdbcPolicyStore engines = new JdbcPolicyStore(database().jdbc());
        AtomicInteger runs = new AtomicInteger();
        int racers = 6;
        CyclicBarrier start = new CyclicBarrier(racers);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            calls.add(() -> {
                start.await();
                return idempotency.once(SCOPE, TOKEN, Map.of("name", "Raced"), Response.class, () -> {
                    String id = "Raced-" + runs.incrementAndGet();
                    Instant now = Instant.now();
                    engines.insertEngine(new PolicyEngine(id, "Raced", "arn:" + id, null, null, PolicyStatus.ACTIVE, List.of(), now, now));
                    return new Response(id);
                });
            });
        }
        List<String> answers = new ArrayList<>();
        try {
            for (Future<Response> f : pool.invokeAll(calls)) {
                answers.add(f.get().id());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(answers).hasSize(racers).containsOnly(answers.get(0));
        assertThat(runs).hasValue(1);
        assertThat(database().jdbc().queryOne("SELECT COUNT(*) FROM policy_engines", rs -> rs.getInt(1))).contains(1);
    }

    @Test
    void anotherTokenIsAnotherRequestAndItsOwnConflictStands() {
        Idempotency idempotency = new Idempotency(database().jdbc(), Clock.systemUTC());
        idempotency.once(SCOPE, TOKEN, Map.of("a", 1), Response.class, () -> new Response("first"));
        Optional<ClientToken> other = Optional.of(new ClientToken("j".repeat(40)));
        assertThatThrownBy(() -> idempotency.once(SCOPE, other, Map.of("a", 1), Response.class, () -> {
            throw new ConflictException("name taken");
        })).isInstanceOf(ConflictException.class);
        assertThat(idempotency.once(SCOPE, TOKEN, Map.of("a", 1), Response.class, () -> new Response("never")).id())
                .isEqualTo("first");
    }
}
