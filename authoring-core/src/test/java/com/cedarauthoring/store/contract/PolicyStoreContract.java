package com.cedarauthoring.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cedarauthoring.errors.ConflictException;
import com.cedarauthoring.policy.EnforcementMode;
import com.cedarauthoring.policy.JdbcPolicyStore;
import com.cedarauthoring.policy.Policy;
import com.cedarauthoring.policy.PolicyEngine;
import com.cedarauthoring.policy.PolicyStatus;
import com.cedarauthoring.policy.PolicyStore;
import com.cedarauthoring.policy.StatementKind;
import com.cedarauthoring.policy.ValidationMode;
import com.cedarauthoring.store.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link PolicyStore} promises, whatever the database. */
abstract class PolicyStoreContract extends StoreContract {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00.456Z");
    static final String GW = "arn:aws:bedrock-agentcore:us-west-2:123456789012:gateway/gw-1";
    PolicyStore store;

    @BeforeEach
    void store() {
        store = new JdbcPolicyStore(database().jdbc());
    }

    static PolicyEngine engine(String id, String name, int second) {
        return new PolicyEngine(id, name, "arn:engine/" + id, second % 2 == 0 ? null : "described", null,
                PolicyStatus.ACTIVE, List.of(), T0.plusSeconds(second), T0.plusSeconds(second));
    }

    static Policy policy(String engineId, String id, String name, String scope, int second) {
        return new Policy(id, engineId, name, "arn:policy/" + id, null, StatementKind.CEDAR,
                "permit (principal, action, resource == AgentCore::Gateway::\"" + GW + "\");", scope,
                ValidationMode.FAIL_ON_ANY_FINDINGS, EnforcementMode.ACTIVE, PolicyStatus.ACTIVE, List.of(),
                T0.plusSeconds(second), T0.plusSeconds(second));
    }

    @Test
    void enginesRoundTripAreUniqueByNameAndPageInCreationOrder() {
        for (int i = 0; i < 3; i++) {
            store.insertEngine(engine("E" + (5 - i), "Engine" + i, i));
        }
        assertThat(store.findEngine("E5").orElseThrow()).isEqualTo(engine("E5", "Engine0", 0));
        assertThat(store.findEngine("E4").orElseThrow().description()).isEqualTo("described");
        assertThatThrownBy(() -> store.insertEngine(engine("E9", "Engine1", 9))).isInstanceOf(ConflictException.class);
        var page = store.listEngines(PageRequest.first(2));
        assertThat(page.items()).extracting(PolicyEngine::name).containsExactly("Engine0", "Engine1");
        assertThat(store.listEngines(PageRequest.of("2", page.nextToken().orElseThrow())).items())
                .extracting(PolicyEngine::name).containsExactly("Engine2");
        assertThat(store.findEngine("missing")).isEmpty();
    }

    @Test
    void engineUpdateAndDeleteOnlyWhenEmpty() {
        store.insertEngine(engine("E1", "Engine1", 0));
        PolicyEngine changed = new PolicyEngine("E1", "Engine1", "arn:engine/E1", "new text", null, PolicyStatus.UPDATE_FAILED,
                List.of("why"), T0, T0.plusSeconds(9));
        store.updateEngine(changed);
        assertThat(store.findEngine("E1").orElseThrow()).isEqualTo(changed);
        store.insertPolicy(policy("E1", "P1", "Only", null, 1));
        assertThat(store.deleteEngineIfEmpty("E1")).isFalse();
        assertThat(store.findEngine("E1")).isPresent();
        assertThat(store.deletePolicy("E1", "P1")).isTrue();
        assertThat(store.deleteEngineIfEmpty("E1")).isTrue();
        assertThat(store.findEngine("E1")).isEmpty();
    }

    @Test
    void lockEngineChangesNothingAndADeleteWaitsForTheLockingCreate() throws Exception {
        store.insertEngine(engine("E1", "Engine1", 1));
        assertThat(store.lockEngine("missing")).isFalse();
        assertThat(database().transactions().inTransaction(() -> store.lockEngine("E1"))).isTrue();
        assertThat(store.findEngine("E1").orElseThrow()).isEqualTo(engine("E1", "Engine1", 1));

        // A create holding the lock (as CreatePolicy does) stores its policy before a concurrent delete looks.
        java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var create = pool.submit(() -> database().transactions().inTransaction(() -> {
                assertThat(store.lockEngine("E1")).isTrue();
                locked.countDown();
                await(release);
                store.insertPolicy(policy("E1", "P1", "Late", null, 2));
                return true;
            }));
            await(locked);
            var delete = pool.submit(() -> store.deleteEngineIfEmpty("E1"));
            Thread.sleep(200); // the delete is now waiting for the row (or would have run, wrongly, by now)
            assertThat(delete.isDone()).as("the delete waits for the create's lock").isFalse();
            release.countDown();
            assertThat(create.get(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(delete.get(30, java.util.concurrent.TimeUnit.SECONDS)).as("it then sees the policy").isFalse();
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.findEngine("E1")).isPresent();
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            assertThat(latch.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void policiesRoundTripAndAreUniqueByNamePerEngine() {
        store.insertEngine(engine("E1", "Engine1", 0));
        store.insertEngine(engine("E2", "Engine2", 0));
        Policy p = policy("E1", "P1", "Refunds", GW, 1);
        store.insertPolicy(p);
        assertThat(store.findPolicy("E1", "P1").orElseThrow()).isEqualTo(p);
        assertThat(store.findPolicy("E2", "P1")).as("another engine's id").isEmpty();
        assertThatThrownBy(() -> store.insertPolicy(policy("E1", "P2", "Refunds", null, 2)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("Refunds");
        store.insertPolicy(policy("E2", "P2", "Refunds", null, 2));
    }

    @Test
    void policiesListByScopeInCreationOrder() {
        store.insertEngine(engine("E1", "Engine1", 0));
        store.insertPolicy(policy("E1", "P3", "Scoped", GW, 1));
        store.insertPolicy(policy("E1", "P2", "Unscoped", null, 2));
        store.insertPolicy(policy("E1", "P1", "Elsewhere", "arn:other-gateway", 3));
        assertThat(store.listPolicies("E1", Optional.empty(), PageRequest.first(10)).items())
                .extracting(Policy::name).containsExactly("Scoped", "Unscoped", "Elsewhere");
        assertThat(store.listPolicies("E1", Optional.of(GW), PageRequest.first(10)).items())
                .extracting(Policy::name).containsExactly("Scoped", "Unscoped");
        var page = store.listPolicies("E1", Optional.empty(), PageRequest.first(1));
        assertThat(page.items()).extracting(Policy::name).containsExactly("Scoped");
        assertThat(page.nextToken()).isPresent();
    }

    @Test
    void policyUpdateAndDelete() {
        store.insertEngine(engine("E1", "Engine1", 0));
        store.insertPolicy(policy("E1", "P1", "Refunds", GW, 1));
        Policy changed = new Policy("P1", "E1", "Refunds", "arn:policy/P1", "d", StatementKind.POLICY,
                "forbid (principal, action, resource);", null, ValidationMode.IGNORE_ALL_FINDINGS,
                EnforcementMode.LOG_ONLY, PolicyStatus.UPDATE_FAILED, List.of("a", "b"), T0.plusSeconds(1), T0.plusSeconds(7));
        store.updatePolicy(changed);
        assertThat(store.findPolicy("E1", "P1").orElseThrow()).isEqualTo(changed);
        assertThat(store.deletePolicy("E1", "P1")).isTrue();
        assertThat(store.deletePolicy("E1", "P1")).isFalse();
    }
}
