package com.cedarauthoring.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cedarauthoring.audit.AuditEntry;
import com.cedarauthoring.audit.AuditEvent;
import com.cedarauthoring.audit.AuditFilter;
import com.cedarauthoring.audit.AuditTrail;
import com.cedarauthoring.audit.JdbcAuditTrail;
import com.cedarauthoring.audit.Verification;
import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.errors.ValidationException;
import com.cedarauthoring.gateway.Gateway;
import com.cedarauthoring.gateway.GatewayService;
import com.cedarauthoring.gateway.JdbcGatewayStore;
import com.cedarauthoring.generation.GenerationSettings;
import com.cedarauthoring.generation.GenerationStatus;
import com.cedarauthoring.generation.GenerationWorker;
import com.cedarauthoring.generation.JdbcGenerationStore;
import com.cedarauthoring.generation.PolicyGeneration;
import com.cedarauthoring.identity.Principal;
import com.cedarauthoring.identity.Role;
import com.cedarauthoring.json.Json;
import com.cedarauthoring.naming.Arns;
import com.cedarauthoring.naming.Ids;
import com.cedarauthoring.policy.JdbcPolicyStore;
import com.cedarauthoring.policy.PolicyEngine;
import com.cedarauthoring.policy.PolicyEngineService;
import com.cedarauthoring.store.Idempotency;
import com.cedarauthoring.store.Page;
import com.cedarauthoring.store.PageRequest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every state change and its audit event commit or roll back together, whatever the database: a failure
 * after the change (and its event) but before the commit leaves neither, a refused change records nothing, and
 * a generation job that runs more than once records its completion exactly once, as the service on behalf of
 * the principal who started it.
 */
abstract class AuditContract extends StoreContract {
    static final Principal ADA = Principal.of("ada", Set.of(Role.ADMIN));
    static final Arns ARNS = new Arns("us-west-2", "123456789012");
    static final Cedar CEDAR = new Cedar();

    JdbcAuditTrail trail;

    @BeforeEach
    void trail() {
        trail = new JdbcAuditTrail(database().jdbc(), Ids.secureRandom(), Clock.systemUTC());
    }

    /** Appends for real, then fails: the process dies after the change and its event, before the commit. */
    record CrashBeforeCommit(AuditTrail real) implements AuditTrail {
        @Override
        public AuditEvent append(AuditEntry entry) {
            real.append(entry);
            throw new IllegalStateException("crash before commit");
        }

        @Override
        public Page<AuditEvent> list(AuditFilter filter, PageRequest page) {
            return real.list(filter, page);
        }

        @Override
        public Verification verify() {
            return real.verify();
        }
    }

    private GatewayService gateways(AuditTrail audit) {
        return new GatewayService(new JdbcGatewayStore(database().jdbc()), database().transactions(), audit,
                new Idempotency(database().jdbc(), Clock.systemUTC()), arn -> true, CEDAR, ARNS, Ids.secureRandom(),
                Clock.systemUTC());
    }

    private PolicyEngineService engines(AuditTrail audit) {
        return new PolicyEngineService(new JdbcPolicyStore(database().jdbc()), database().transactions(), audit,
                new Idempotency(database().jdbc(), Clock.systemUTC()), ARNS, Ids.secureRandom(), Clock.systemUTC());
    }

    private static ObjectNode gatewayRequest(String name) {
        ObjectNode gw = Json.mapper().createObjectNode().put("name", name)
                .put("roleArn", "arn:aws:iam::123456789012:role/R").put("authorizerType", "CUSTOM_JWT");
        return gw;
    }

    private List<AuditEvent> events(String resourceArn) {
        return trail.list(new AuditFilter(Optional.of(resourceArn), Optional.empty()), PageRequest.first(100)).items();
    }

    private long allEvents() {
        return trail.verify().events();
    }

    @Test
    void aChangeAndItsEventCommitTogether() {
        Gateway g = gateways(trail).createGateway(ADA, gatewayRequest("audited-" + suffix()));
        assertThat(events(g.gatewayArn())).singleElement().satisfies(e -> {
            assertThat(e.principal()).isEqualTo("ada");
            assertThat(e.action()).isEqualTo("CreateGateway");
        });
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void aFailureAfterTheChangeButBeforeCommitLeavesNeitherTheChangeNorItsEvent() {
        long before = allEvents();
        String name = "crashed-" + suffix();
        GatewayService crashing = gateways(new CrashBeforeCommit(trail));
        assertThatThrownBy(() -> crashing.createGateway(ADA, gatewayRequest(name))).hasMessage("crash before commit");
        assertThat(gateways(trail).listGateways(PageRequest.first(100)).items()).extracting(Gateway::name).doesNotContain(name);

        // an update and a delete of an existing gateway: neither the change nor the event survives
        Gateway g = gateways(trail).createGateway(ADA, gatewayRequest("kept-" + suffix()));
        ObjectNode update = Json.mapper().createObjectNode().put("description", "changed");
        assertThatThrownBy(() -> crashing.updateGateway(ADA, g.gatewayId(), update, GatewayService.UpdateMode.MERGE))
                .hasMessage("crash before commit");
        assertThatThrownBy(() -> crashing.deleteGateway(ADA, g.gatewayId())).hasMessage("crash before commit");
        assertThat(gateways(trail).getGateway(g.gatewayId()).document().has("description")).isFalse();
        assertThat(events(g.gatewayArn())).extracting(AuditEvent::action).containsExactly("CreateGateway");

        // the same for a policy engine
        PolicyEngineService crashingEngines = engines(new CrashBeforeCommit(trail));
        String engineName = "Crashed_" + suffix();
        assertThatThrownBy(() -> crashingEngines.create(ADA, engineName, Optional.empty(), Optional.empty()))
                .hasMessage("crash before commit");
        assertThat(engines(trail).list(PageRequest.first(100)).items()).extracting(PolicyEngine::name).doesNotContain(engineName);

        assertThat(allEvents()).isEqualTo(before + 1); // only the committed CreateGateway
        assertThat(trail.verify().intact()).isTrue();
    }

    /**
     * The second append of a trail moves the head on from the head it wrote itself (on PostgreSQL the head's
     * update and the event's insert are one statement): what is stored is what the append returned, with and
     * without a statement hash, and the chain verifies.
     */
    @Test
    void anAppendOnTheHeadThisTrailWroteStoresTheEventItReturns() {
        String arn = "arn:guessed:" + suffix();
        AuditEvent first = trail.append(AuditEntry.of("ada", "First", arn, Map.of("n", 1), Optional.empty()));
        AuditEvent second = trail.append(AuditEntry.of("ada", "Second", arn, Map.of("n", "two"),
                Optional.of("permit(principal, action, resource);")));
        AuditEvent third = trail.append(AuditEntry.of("bob", "Third", arn, Map.of(), Optional.empty()));
        assertThat(second.sequence()).isEqualTo(first.sequence() + 1);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(third.previousHash()).isEqualTo(second.hash());
        assertThat(events(arn)).containsExactly(first, second, third);
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void twoInstancesAppendingInTurnAndAtOnceKeepOneChain() throws Exception {
        long before = allEvents();
        // each trail remembers the head it wrote last; the other instance's appends make that guess stale
        JdbcAuditTrail other = new JdbcAuditTrail(database().jdbc(), Ids.secureRandom(), Clock.systemUTC());
        for (int i = 0; i < 6; i++) {
            (i % 3 == 0 ? other : trail).append(AuditEntry.of("ada", "Turn", "arn:turn", Map.of("i", i), Optional.empty()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                AuditTrail instance = t % 2 == 0 ? trail : other;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 15; i++) {
                        instance.append(AuditEntry.of("ada", "AtOnce", "arn:once", Map.of("i", i), Optional.empty()));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Verification v = trail.verify();
        assertThat(v.intact()).as(v.toString()).isTrue();
        assertThat(v.events()).isEqualTo(before + 6 + 60);
        assertThat(other.verify()).isEqualTo(v);
    }

    @Test
    void anAppendThatRolledBackDoesNotBreakTheNextOne() {
        long before = allEvents();
        assertThatThrownBy(() -> database().transactions().inTransaction(() -> {
            trail.append(AuditEntry.of("ada", "RolledBack", "arn:rb", Map.of(), Optional.empty()));
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        AuditEvent next = trail.append(AuditEntry.of("ada", "Kept", "arn:rb", Map.of(), Optional.empty()));
        assertThat(next.sequence()).isEqualTo(before + 1);
        assertThat(trail.verify()).isEqualTo(Verification.ok(before + 1));
    }

    @Test
    void aRefusedChangeRecordsNothing() {
        Gateway g = gateways(trail).createGateway(ADA, gatewayRequest("refused-" + suffix()));
        ObjectNode bad = Json.mapper().createObjectNode().put("roleArn", "not-a-role");
        assertThatThrownBy(() -> gateways(trail).updateGateway(ADA, g.gatewayId(), bad, GatewayService.UpdateMode.MERGE))
                .isInstanceOf(ValidationException.class);
        assertThat(events(g.gatewayArn())).extracting(AuditEvent::action).containsExactly("CreateGateway");
    }

    @Test
    void aGenerationFinishedByAJobThatRunsSeveralTimesIsRecordedOnceByTheServiceForItsRequester() throws Exception {
        JdbcGenerationStore store = new JdbcGenerationStore(database().jdbc());
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        PolicyGeneration g = generation(store, t0);
        GenerationWorker late = worker(store, trail, Clock.fixed(t0.plus(Duration.ofMinutes(5)), ZoneOffset.UTC));
        // at-least-once: the job is given up on several instances at once and the deadline sweep runs too
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Object>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int n = i;
                runs.add(() -> {
                    if (n % 2 == 0) {
                        late.giveUp(g.policyGenerationId(), Optional.empty());
                    } else {
                        late.sweepOverdue();
                    }
                    return null;
                });
            }
            for (Future<Object> f : pool.invokeAll(runs)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        late.giveUp(g.policyGenerationId(), Optional.empty());
        assertThat(store.findById(g.policyGenerationId()).orElseThrow().status()).isEqualTo(GenerationStatus.GENERATE_FAILED);
        assertThat(events(g.arn())).singleElement().satisfies(e -> {
            assertThat(e.principal()).isEqualTo(GenerationWorker.ACTOR.name());
            assertThat(e.action()).isEqualTo("CompletePolicyGeneration");
            assertThat(Json.mapper().readTree(e.details()).path("requestedBy").asText()).isEqualTo("alice");
            assertThat(Json.mapper().readTree(e.details()).path("status").asText()).isEqualTo("GENERATE_FAILED");
        });

        // deletion at the end of retention: once, however often the purge runs
        GenerationWorker muchLater = worker(store, trail, Clock.fixed(t0.plus(Duration.ofDays(8)), ZoneOffset.UTC));
        muchLater.purgeExpired();
        muchLater.purgeExpired();
        assertThat(store.findById(g.policyGenerationId())).isEmpty();
        assertThat(events(g.arn())).extracting(AuditEvent::action)
                .containsExactly("CompletePolicyGeneration", "DeletePolicyGeneration");
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void aCompletionWhoseEventIsNotCommittedLeavesTheGenerationGeneratingForTheNextRun() {
        JdbcGenerationStore store = new JdbcGenerationStore(database().jdbc());
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        PolicyGeneration g = generation(store, t0);
        Clock late = Clock.fixed(t0.plus(Duration.ofMinutes(5)), ZoneOffset.UTC);
        assertThatThrownBy(() -> worker(store, new CrashBeforeCommit(trail), late).giveUp(g.policyGenerationId(),
                Optional.empty())).hasMessage("crash before commit");
        assertThat(store.findById(g.policyGenerationId()).orElseThrow().status()).isEqualTo(GenerationStatus.GENERATING);
        assertThat(events(g.arn())).isEmpty();
        // the next run finishes it, and records it
        worker(store, trail, late).giveUp(g.policyGenerationId(), Optional.empty());
        assertThat(events(g.arn())).extracting(AuditEvent::action).containsExactly("CompletePolicyGeneration");
    }

    private PolicyGeneration generation(JdbcGenerationStore store, Instant createdAt) {
        String id = "audit-" + suffix();
        PolicyGeneration g = new PolicyGeneration("Engine-0000000000", id, "gen", "arn:gen/" + id, "arn:gw", "Allow it.",
                GenerationStatus.GENERATING, List.of(), Optional.empty(), createdAt, createdAt, "alice");
        store.insert(g);
        return g;
    }

    private GenerationWorker worker(JdbcGenerationStore store, AuditTrail audit, Clock clock) {
        return new GenerationWorker(store, database().transactions(), audit, null, null, Ids.secureRandom(), clock,
                GenerationSettings.defaults());
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
