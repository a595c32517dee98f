package com.cedarauthoring.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cedarauthoring.findings.Finding;
import com.cedarauthoring.findings.FindingType;
import com.cedarauthoring.findings.Span;
import com.cedarauthoring.generation.Asset;
import com.cedarauthoring.generation.GenerationJobs;
import com.cedarauthoring.generation.GenerationSettings;
import com.cedarauthoring.generation.GenerationStatus;
import com.cedarauthoring.generation.GenerationWorker;
import com.cedarauthoring.generation.JdbcGenerationStore;
import com.cedarauthoring.generation.PolicyGeneration;
import com.cedarauthoring.naming.Ids;
import com.cedarauthoring.policy.JdbcPolicyStore;
import com.cedarauthoring.policy.PolicyEngine;
import com.cedarauthoring.policy.PolicyStatus;
import com.cedarauthoring.store.PageRequest;
import com.cedarauthoring.translate.Alignment;
import com.cedarauthoring.translate.Provenance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the generation store ({@code GenerationStore} and {@code GeneratedAssets}) promises, whatever the database. */
abstract class GenerationStoreContract extends StoreContract {
    JdbcGenerationStore store;
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @BeforeEach
    void store() {
        store = new JdbcGenerationStore(database().jdbc());
        // generations are found through their engine: one that was deleted takes its generations with it
        new JdbcPolicyStore(database().jdbc()).insertEngine(new PolicyEngine(ENGINE, "Engine", "arn:engine/" + ENGINE,
                null, null, PolicyStatus.ACTIVE, List.of(), T0, T0));
    }

    static final String ENGINE = "Engine-0000000000";

    @Test
    void aGenerationIsFoundOnlyThroughItsExistingEngine() {
        store.insert(generating("g0-0000000000"));
        assertThat(store.find(ENGINE, "g0-0000000000")).isPresent();
        assertThat(store.find("Other-0000000000", "g0-0000000000")).as("another engine's id").isEmpty();
        database().jdbc().update("DELETE FROM policy_engines WHERE policy_engine_id = ?", ENGINE);
        assertThat(store.find(ENGINE, "g0-0000000000")).as("its engine was deleted").isEmpty();
        assertThat(store.findById("g0-0000000000")).as("the job still finds it by id").isPresent();
    }

    com.cedarauthoring.audit.JdbcAuditTrail trail() {
        return new com.cedarauthoring.audit.JdbcAuditTrail(database().jdbc(), Ids.secureRandom(), Clock.systemUTC());
    }

    static PolicyGeneration generating(String id) {
        return new PolicyGeneration(ENGINE, id, "gen", "arn:gen/" + id, "arn:gw", "Allow it.",
                GenerationStatus.GENERATING, List.of(), Optional.empty(), T0, T0);
    }

    static Asset asset(String id, FindingType type) {
        Finding f = type == FindingType.VALID ? Finding.valid() : Finding.of(type, "UNSUPPORTED_CONSTRUCT", "no", new Span(0, 3));
        return new Asset(id, Optional.of("permit (principal, action, resource);"), "Allow it.", Optional.of(new Span(0, 9)),
                List.of(f), Optional.of("Allows it."), List.of(), Provenance.rules(),
                new Alignment(List.of(new Alignment.Part(Alignment.Role.EFFECT, "permit", List.of(new Span(0, 5))))));
    }

    @Test
    void completeStoresAssetsAndARerunReplacesThem() {
        store.insert(generating("g1-0000000000"));
        // an earlier attempt's assets would be replaced, but only while GENERATING: the first completion wins
        assertThat(store.complete("g1-0000000000", List.of(asset("a-0000000001", FindingType.VALID),
                asset("a-0000000002", FindingType.NOT_TRANSLATABLE)), T0.plusSeconds(1))).isTrue();
        assertThat(store.complete("g1-0000000000", List.of(asset("a-0000000003", FindingType.VALID)), T0.plusSeconds(2))).isFalse();
        var page = store.assets("g1-0000000000", PageRequest.first(1));
        assertThat(page.items()).extracting(Asset::policyGenerationAssetId).containsExactly("a-0000000001");
        assertThat(page.nextToken()).isPresent();
        Asset second = store.asset("g1-0000000000", "a-0000000002").orElseThrow();
        assertThat(second).isEqualTo(asset("a-0000000002", FindingType.NOT_TRANSLATABLE));
        PolicyGeneration g = store.findById("g1-0000000000").orElseThrow();
        assertThat(g.status()).isEqualTo(GenerationStatus.GENERATED);
        assertThat(g.updatedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(store.find(ENGINE, "g1-0000000000", "a-0000000002").orElseThrow().findings())
                .extracting(Finding::type).containsExactly(FindingType.NOT_TRANSLATABLE);
    }

    @Test
    void failOnlyLeavesGenerating() {
        store.insert(generating("g2-0000000000"));
        assertThat(store.fail("g2-0000000000", List.of("why"), T0.plusSeconds(3))).isTrue();
        assertThat(store.fail("g2-0000000000", List.of("again"), T0.plusSeconds(4))).isFalse();
        assertThat(store.findById("g2-0000000000").orElseThrow().statusReasons()).containsExactly("why");
    }

    @Test
    void insertAndScheduleCommitOrRollBackTogether() {
        GenerationWorker worker = new GenerationWorker(store, database().transactions(), trail(), null, null, Ids.seeded(1), Clock.systemUTC(),
                GenerationSettings.defaults());
        GenerationJobs jobs = new GenerationJobs(database(), worker, GenerationSettings.defaults(), Clock.systemUTC());
        try {
            database().transactions().inTransaction(() -> {
                store.insert(generating("g3-0000000000"));
                jobs.schedule("g3-0000000000");
                throw new IllegalStateException("crash before commit");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(store.findById("g3-0000000000")).isEmpty();
        assertThat(scheduled("g3-0000000000")).isZero();
        database().transactions().inTransaction(() -> {
            store.insert(generating("g4-0000000000"));
            jobs.schedule("g4-0000000000");
            return null;
        });
        assertThat(store.findById("g4-0000000000")).isPresent();
        assertThat(scheduled("g4-0000000000")).isEqualTo(1);
    }

    @Test
    void sweepFailsOnlyOverdueGenerations() {
        store.insert(generating("g5-0000000000"));
        Clock late = Clock.fixed(T0.plus(Duration.ofSeconds(61)), java.time.ZoneOffset.UTC);
        GenerationWorker worker = new GenerationWorker(store, database().transactions(), trail(), null, null, Ids.seeded(1), late, GenerationSettings.defaults());
        assertThat(worker.sweepOverdue()).isGreaterThanOrEqualTo(1);
        assertThat(store.findById("g5-0000000000").orElseThrow().statusReasons().get(0)).contains("did not finish within 60 seconds");
    }

    @Test
    void concurrentFinishesHaveExactlyOneWinner() throws Exception {
        store.insert(generating("g6-0000000000"));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Boolean>> racers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int n = i;
                racers.add(() -> n % 2 == 0
                        ? store.complete("g6-0000000000", List.of(asset("a-00000000" + n + "0", FindingType.VALID)), T0.plusSeconds(n))
                        : store.fail("g6-0000000000", List.of("racer " + n), T0.plusSeconds(n)));
            }
            long winners = 0;
            for (Future<Boolean> f : pool.invokeAll(racers)) {
                winners += f.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        PolicyGeneration g = store.findById("g6-0000000000").orElseThrow();
        int assets = store.assets("g6-0000000000", PageRequest.first(10)).items().size();
        assertThat(g.status() == GenerationStatus.GENERATED ? assets : 1 - assets).as(g + " with " + assets + " assets")
                .isEqualTo(1);
    }

    @Test
    void aGenerationsEndAndItsJobsRemovalCommitTogether() throws Exception {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        store.insert(new PolicyGeneration(ENGINE, "g7-0000000000", "gen", "arn:gen/g7", "arn:gw", "Allow it.",
                GenerationStatus.GENERATING, List.of(), Optional.empty(), now, now));
        GenerationWorker worker = new GenerationWorker(store, database().transactions(), trail(), NO_GATEWAY, null,
                Ids.seeded(1), Clock.systemUTC(), GenerationSettings.defaults());

        assertThatThrownBy(() -> worker.run("g7-0000000000").write(() -> {
            throw new IllegalStateException("the job's removal failed");
        })).hasMessageContaining("removal failed");
        assertThat(store.findById("g7-0000000000").orElseThrow().status()).as("rolled back with the removal")
                .isEqualTo(GenerationStatus.GENERATING);
        assertThat(trail().list(new com.cedarauthoring.audit.AuditFilter(Optional.of("arn:gen/g7"), Optional.empty()),
                PageRequest.first(10)).items()).isEmpty();

        // the job engine's own run: the generation ends and db-scheduler's removal of its job commits with it
        assertThat(runByTheJobEngine(worker, "g7-0000000000", () -> store.findById("g7-0000000000").orElseThrow().status()
                != GenerationStatus.GENERATING && scheduled("g7-0000000000") == 0)).as("the job ran").isTrue();
        PolicyGeneration ended = store.findById("g7-0000000000").orElseThrow();
        assertThat(ended.status()).isEqualTo(GenerationStatus.GENERATE_FAILED);
        assertThat(ended.statusReasons().get(0)).contains("no longer exists");
        assertThat(scheduled("g7-0000000000")).as("the job is gone").isZero();
        assertThat(trail().list(new com.cedarauthoring.audit.AuditFilter(Optional.of("arn:gen/g7"), Optional.empty()),
                PageRequest.first(10)).items()).extracting(com.cedarauthoring.audit.AuditEvent::action)
                .containsExactly("CompletePolicyGeneration");
    }

    @Test
    void onlyTheTransactionsOwnerCommits() {
        // db-scheduler commits the connections it is given when auto-commit is off; inside a transaction that
        // would commit the owner's work half-way, before the rest of it has run
        assertThatThrownBy(() -> database().transactions().inTransaction(() -> {
            store.insert(generating("g8-0000000000"));
            try (java.sql.Connection c = database().dataSource().getConnection()) {
                c.commit();
                c.setAutoCommit(true);
                c.rollback();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalStateException("the rest of the work failed");
        })).hasMessageContaining("rest of the work");
        assertThat(store.findById("g8-0000000000")).as("rolled back as a whole").isEmpty();
    }

    @Test
    void aGenerationWhoseEndFailsKeepsItsJob() throws Exception {
        store.insert(new PolicyGeneration(ENGINE, "g9-0000000000", "gen", "arn:gen/g9", "arn:gw", "Allow it.",
                GenerationStatus.GENERATING, List.of(), Optional.empty(), T0, T0));
        java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
        com.cedarauthoring.audit.AuditTrail failing = new com.cedarauthoring.audit.AuditTrail() {
            @Override
            public com.cedarauthoring.audit.AuditEvent append(com.cedarauthoring.audit.AuditEntry entry) {
                ended.countDown();
                throw new IllegalStateException("the audit append failed"); // after db-scheduler removed the job
            }

            @Override
            public com.cedarauthoring.store.Page<com.cedarauthoring.audit.AuditEvent> list(
                    com.cedarauthoring.audit.AuditFilter filter, PageRequest page) {
                return trail().list(filter, page);
            }

            @Override
            public com.cedarauthoring.audit.Verification verify() {
                return trail().verify();
            }
        };
        GenerationWorker worker = new GenerationWorker(store, database().transactions(), failing, NO_GATEWAY, null,
                Ids.seeded(1), Clock.systemUTC(), GenerationSettings.defaults());
        assertThat(runByTheJobEngine(worker, "g9-0000000000", () -> ended.getCount() == 0)).as("the job ran").isTrue();
        assertThat(store.findById("g9-0000000000").orElseThrow().status()).isEqualTo(GenerationStatus.GENERATING);
        assertThat(scheduled("g9-0000000000")).as("its removal rolled back with the end: revived later").isEqualTo(1);
    }

    /**
     * Schedules the generation's job and lets the real job engine (db-scheduler on this database) run it until
     * {@code done} holds or 20 s have passed; stopping the engine waits for a job still running, so its
     * transaction has ended when this returns. Whether {@code done} held.
     */
    boolean runByTheJobEngine(GenerationWorker worker, String generationId, java.util.function.BooleanSupplier done)
            throws InterruptedException {
        GenerationJobs jobs = new GenerationJobs(database(), worker, GenerationSettings.defaults(), Clock.systemUTC());
        database().transactions().inTransaction(() -> {
            jobs.schedule(generationId);
            return null;
        });
        jobs.start();
        try {
            jobs.wake();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!done.getAsBoolean() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            return done.getAsBoolean();
        } finally {
            jobs.close();
        }
    }

    /**
     * A gateway deleted since the generation started: the run fails the generation, and writes that in the
     * transaction that ends it (with the job's removal).
     */
    static final com.cedarauthoring.gateway.GatewayDirectory NO_GATEWAY = new com.cedarauthoring.gateway.GatewayDirectory() {
        @Override
        public Optional<com.cedarauthoring.gateway.GatewaySchema> schemaByArn(String gatewayArn) {
            return Optional.empty();
        }

        @Override
        public List<com.cedarauthoring.gateway.GatewaySchema> schemasAttachedTo(String policyEngineArn) {
            return List.of();
        }
    };

    int scheduled(String id) {
        return database().jdbc().queryOne("SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance = ?", rs -> rs.getInt(1), id)
                .orElse(0);
    }
}
