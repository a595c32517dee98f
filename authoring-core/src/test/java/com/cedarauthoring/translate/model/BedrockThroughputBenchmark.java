package com.cedarauthoring.translate.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.findings.Span;
import com.cedarauthoring.json.Json;
import com.cedarauthoring.translate.Requirement;
import com.cedarauthoring.translate.TranslationOutcome;
import com.cedarauthoring.translate.TranslationRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Benchmarks of the model translator against the local stub (see README, "Bedrock translator"). Run with
 * {@code AUTHORING_BENCH=1 mvn -B -q -o test -pl authoring-core -Dtest=BedrockThroughputBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}; results are printed to stdout.
 */
@EnabledIfEnvironmentVariable(named = "AUTHORING_BENCH", matches = "1")
class BedrockThroughputBenchmark {
    static final String TEXT = BedrockTranslatorTest.REQUIREMENT;

    private static BedrockTranslator translator(BedrockStub stub, int concurrency) {
        return BedrockTranslator.create(new ModelTranslatorConfig(ModelTranslatorConfig.Mode.BEDROCK,
                        BedrockTranslatorTest.MODEL, "us-west-2", Optional.of(stub.endpoint()), concurrency, 2,
                        Duration.ofSeconds(30), ModelTranslatorConfig.Retry.DEFAULT, true), new Cedar(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secretTEST")));
    }

    private static BedrockStub.Reply good() throws Exception {
        return BedrockStub.Reply.text(Json.mapper().writeValueAsString(Map.of("policies", List.of(
                Map.of("rawTextFragment", TEXT, "cedar", TestGateways.GOOD, "ambiguities", List.of())))));
    }

    private static TranslationRequest request() {
        return new TranslationRequest(new Requirement(TEXT, new Span(0, TEXT.length())), TEXT, TestGateways.refunds());
    }

    @Test
    void overheadPerTranslationWithAnInstantModel() throws Exception {
        try (BedrockStub stub = new BedrockStub(); BedrockTranslator t = translator(stub, 4)) {
            stub.then(good());
            for (int i = 0; i < 200; i++) {
                t.translate(request()); // warm-up: JIT, connection pool, Cedar schema cache
            }
            long[] nanos = new long[1_000];
            for (int i = 0; i < nanos.length; i++) {
                long start = System.nanoTime();
                assertThat(t.translate(request())).isInstanceOf(TranslationOutcome.Candidates.class);
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            System.out.printf("bedrock translator overhead (instant stub, incl. loopback HTTP + SigV4 + parse/validate/"
                            + "scope check): p50 %.2f ms, p95 %.2f ms, p99 %.2f ms%n", nanos[500] / 1e6,
                    nanos[950] / 1e6, nanos[990] / 1e6);
        }
    }

    @Test
    void twoHundredConcurrentTranslationsAgainstATwoSecondModel() throws Exception {
        int concurrency = Integer.parseInt(Optional.ofNullable(System.getenv("AUTHORING_BENCH_CONCURRENCY")).orElse("50"));
        try (BedrockStub stub = new BedrockStub(); BedrockTranslator t = translator(stub, concurrency)) {
            BedrockStub.Reply instant = good();
            BedrockStub.Reply slow = instant.delayed(2_000);
            java.util.concurrent.atomic.AtomicBoolean warm = new java.util.concurrent.atomic.AtomicBoolean(true);
            stub.then(r -> warm.get() ? instant : slow);
            ExecutorService jobs = Executors.newFixedThreadPool(200);
            // Warm-up with an instant model (JIT, class loading, connection pool), as a running service is.
            List<Future<TranslationOutcome>> warmUp = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                warmUp.add(jobs.submit(() -> t.translate(request())));
            }
            for (Future<TranslationOutcome> f : warmUp) {
                f.get();
            }
            warm.set(false);
            long start = System.nanoTime();
            List<Future<TranslationOutcome>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                futures.add(jobs.submit(() -> t.translate(request())));
            }
            int failed = 0;
            for (Future<TranslationOutcome> f : futures) {
                if (!(f.get() instanceof TranslationOutcome.Candidates)) {
                    failed++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            jobs.shutdownNow();
            double expected = Math.ceil(200.0 / concurrency) * 2;
            System.out.printf("200 concurrent translations, 2 s model, max-model-concurrency %d: %.2f s "
                    + "(ideal %.0f s), %d failed, max in flight at the stub %d%n", concurrency, seconds, expected, failed,
                    stub.maxInFlight());
            assertThat(failed).isZero();
            assertThat(stub.maxInFlight()).isLessThanOrEqualTo(concurrency);
            // The bound is the point (checked above); wall time is reported, since a shared CI box adds CPU wait.
            assertThat(seconds).isLessThan(expected * 2);
        }
    }
}
