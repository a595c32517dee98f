package com.cedarauthoring.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cedarauthoring.errors.ConflictException;
import com.cedarauthoring.json.Json;
import com.cedarauthoring.policy.JdbcPolicyStore;
import com.cedarauthoring.store.PageRequest;
import com.cedarauthoring.testing.JdbcTestSuiteStore;
import com.cedarauthoring.testing.TestSuite;
import com.cedarauthoring.testing.TestSuiteStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link TestSuiteStore} promises, whatever the database. */
abstract class TestSuiteStoreContract extends StoreContract {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00.123Z");
    TestSuiteStore store;

    @BeforeEach
    void store() {
        store = new JdbcTestSuiteStore(database().jdbc());
        new JdbcPolicyStore(database().jdbc()).insertEngine(PolicyStoreContract.engine("E1", "Engine1", 0));
    }

    static TestSuite suite(String name, String by, int second, int cases) {
        List<JsonNode> list = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            list.add(Json.mapper().createObjectNode().put("name", "case " + i + " ✓").put("expected", "ALLOW"));
        }
        return new TestSuite("E1", name, "arn:gw", Json.mapper().valueToTree(list), by, T0.plusSeconds(second), by,
                T0.plusSeconds(second));
    }

    @Test
    void aSuiteRoundTripsAndAReplacementKeepsItsCreator() {
        TestSuite first = suite("refunds", "alice", 0, 2);
        assertThat(store.put(first, 10)).usingRecursiveComparison().isEqualTo(first);
        assertThat(store.find("E1", "refunds").orElseThrow()).usingRecursiveComparison().isEqualTo(first);
        TestSuite stored = store.put(suite("refunds", "rita", 5, 3), 10);
        assertThat(stored.createdBy()).isEqualTo("alice");
        assertThat(stored.createdAt()).isEqualTo(T0);
        assertThat(stored.updatedBy()).isEqualTo("rita");
        assertThat(stored.cases()).hasSize(3);
        assertThat(store.find("E1", "refunds").orElseThrow()).usingRecursiveComparison().isEqualTo(stored);
        assertThat(store.find("E2", "refunds")).isEmpty();
    }

    @Test
    void suitesAreListedByNameAndDeleted() {
        for (String name : List.of("c", "a", "b")) {
            store.put(suite(name, "alice", 0, 1), 10);
        }
        var first = store.list("E1", PageRequest.first(2));
        assertThat(first.items()).extracting(TestSuite::name).containsExactly("a", "b");
        assertThat(store.list("E1", PageRequest.of("2", first.nextToken().orElseThrow())).items())
                .extracting(TestSuite::name).containsExactly("c");
        assertThat(store.delete("E1", "b")).isTrue();
        assertThat(store.delete("E1", "b")).isFalse();
        assertThat(store.list("E1", PageRequest.first(10)).items()).extracting(TestSuite::name).containsExactly("a", "c");
    }

    @Test
    void concurrentSavesNeverPassTheBound() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> saves = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String name = "s" + i;
                saves.add(pool.submit(() -> {
                    try {
                        store.put(suite(name, "alice", 0, 1), 5);
                    } catch (ConflictException full) {
                        // expected for all but five
                    }
                }));
            }
            for (Future<?> f : saves) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.list("E1", PageRequest.first(100)).items()).hasSize(5);
        assertThatThrownBy(() -> store.put(suite("one-more", "alice", 0, 1), 5)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already has 5 test suites");
        // replacing a kept suite is not a new one
        String kept = store.list("E1", PageRequest.first(1)).items().get(0).name();
        assertThat(store.put(suite(kept, "rita", 1, 2), 5).updatedBy()).isEqualTo("rita");
    }
}
