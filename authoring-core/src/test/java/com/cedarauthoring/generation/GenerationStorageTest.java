package com.cedarauthoring.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.explain.TestSchemas;
import com.cedarauthoring.gateway.GatewayDirectory;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.naming.Ids;
import com.cedarauthoring.store.Database;
import com.cedarauthoring.translate.Candidate;
import com.cedarauthoring.translate.Provenance;
import com.cedarauthoring.translate.TranslationOutcome;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a generation leaves in the database: the model's raw answer only when asked for, and nothing at
 * all once the retention period has passed.
 */
class GenerationStorageTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final String RAW = "x".repeat(20_000);

    @TempDir
    Path dir;
    Database db;
    JdbcGenerationStore store;

    @BeforeEach
    void open() {
        db = Database.embedded(dir);
        store = new JdbcGenerationStore(db.jdbc());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private GenerationWorker worker(GenerationSettings settings, Instant now) {
        Provenance model = new Provenance("bedrock", "us.model", "v1", "abc", 1, Map.of("region", "us-west-2", "rawResponse", RAW));
        GenerationPipeline pipeline = GenerationPipelineTest.pipeline(GenerationPipelineTest.fixed(new TranslationOutcome.Candidates(
                List.of(new Candidate(GenerationPipelineTest.RAW, GenerationPipelineTest.SPAN,
                        Optional.of(TestGateway.POLICY), List.of(), model)))));
        GatewayDirectory gateways = new GatewayDirectory() {
            @Override
            public Optional<GatewaySchema> schemaByArn(String gatewayArn) {
                return Optional.of(TestSchemas.refunds());
            }

            @Override
            public List<GatewaySchema> schemasAttachedTo(String policyEngineArn) {
                return List.of();
            }
        };
        return new GenerationWorker(store, db.transactions(), new com.cedarauthoring.audit.JdbcAuditTrail(db.jdbc(),
                Ids.secureRandom(), Clock.systemUTC()), gateways, pipeline, Ids.secureRandom(), Clock.fixed(now, ZoneOffset.UTC), settings);
    }

    private void generate(GenerationWorker worker, String id, Instant created) {
        store.insert(new PolicyGeneration("Engine-0000000000", id, "gen", "arn:gen/" + id, TestSchemas.ARN,
                GenerationPipelineTest.RAW, GenerationStatus.GENERATING, List.of(), Optional.empty(), created, created));
        worker.run(id).write(() -> { }); // as the job engine runs it, without a job to remove
        assertThat(store.findById(id).orElseThrow().status()).isEqualTo(GenerationStatus.GENERATED);
    }

    @Test
    void theModelsRawAnswerIsStoredOnlyWhenAskedFor() {
        generate(worker(GenerationSettings.defaults(), T0), "lean-0000000000", T0);
        Asset lean = store.assets("lean-0000000000", com.cedarauthoring.store.PageRequest.first(1)).items().get(0);
        assertThat(lean.provenance().details()).containsEntry("region", "us-west-2").doesNotContainKey("rawResponse");

        generate(worker(GenerationSettings.defaults().withModelResponsesKept(true), T0), "full-0000000000", T0);
        Asset full = store.assets("full-0000000000", com.cedarauthoring.store.PageRequest.first(1)).items().get(0);
        assertThat(full.provenance().details()).containsEntry("rawResponse", RAW);
    }

    @Test
    void generationsPastTheRetentionPeriodAreDeletedWithTheirAssets() {
        GenerationSettings settings = GenerationSettings.defaults().withRetention(Duration.ofDays(7));
        generate(worker(settings, T0), "old-0000000000", T0);
        generate(worker(settings, T0), "new-0000000000", T0.plus(Duration.ofDays(6)));
        store.insert(new PolicyGeneration("Engine-0000000000", "running-000000", "gen", "arn:gen/r", TestSchemas.ARN,
                "Allow it.", GenerationStatus.GENERATING, List.of(), Optional.empty(), T0, T0));

        worker(settings, T0.plus(Duration.ofDays(7)).plusSeconds(1)).purgeExpired();

        assertThat(store.findById("old-0000000000")).isEmpty();
        assertThat(db.jdbc().queryOne("SELECT COUNT(*) FROM policy_generation_assets WHERE policy_generation_id = ?",
                rs -> rs.getInt(1), "old-0000000000")).contains(0);
        assertThat(store.findById("new-0000000000")).isPresent();
        assertThat(store.findById("running-000000")).as("a generation still running is never deleted").isPresent();
    }

    @Test
    void retentionPeriodsParseAsTheFlagDocumentsThem() {
        assertThat(GenerationSettings.parseRetention("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(GenerationSettings.parseRetention("12h")).isEqualTo(Duration.ofHours(12));
        assertThat(GenerationSettings.parseRetention("P7D")).isEqualTo(Duration.ofDays(7));
        assertThat(GenerationSettings.defaults().retention()).isEqualTo(Duration.ofDays(7));
        assertThat(GenerationSettings.defaults().purgeInterval()).isEqualTo(Duration.ofHours(1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GenerationSettings.parseRetention("soon"))
                .hasMessageContaining("7d");
    }

    /** A policy valid in {@link TestSchemas#refunds()}. */
    static final class TestGateway {
        static final String POLICY = "permit(principal, action == AgentCore::Action::\"RefundTarget___process_refund\", "
                + "resource == AgentCore::Gateway::\"" + TestSchemas.ARN + "\") when { context.input.amount < 500 };";
    }
}
