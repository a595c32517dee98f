package com.cedarauthoring.api.generation;

import com.cedarauthoring.api.Http;
import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.generation.GenerationSettings;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerationDeadlineTest {

    @Test
    void generationStillRunningPastTheDeadlineEndsGenerateFailed(@TempDir Path dir) {
        GenerationSettings settings = GenerationSettings.defaults().withDeadline(Duration.ofMillis(300))
                .withSweepInterval(Duration.ofMillis(100));
        try (GenerationTestServer server = GenerationTestServer.start(dir, new TestTranslator(1_000, s -> { }), settings, 0)) {
            Http http = new Http(server.port());
            String base = "/policy-engines/" + server.engineId + "/policy-generations";
            Http.Response started = http.post(base,
                    GenerationRoutesTest.body("too_slow", server.gatewayArn, "Allow slow refunds.", null));
            assertThat(started.status()).isEqualTo(202);
            String id = started.body().get("policyGenerationId").asText();
            JsonNode done = http.pollUntil(base + "/" + id, b -> !"GENERATING".equals(b.path("status").asText()),
                    Duration.ofSeconds(10)).body();
            assertThat(done.get("status").asText()).isEqualTo("GENERATE_FAILED");
            assertThat(done.get("statusReasons").get(0).asText()).contains("did not finish within");
            // the late result of the slow job does not resurrect the generation
            JsonNode later = http.pollUntil(base + "/" + id + "/assets", b -> false, Duration.ofMillis(1_200)).body();
            assertThat(later.get("policyGenerationAssets")).isEmpty();
            assertThat(http.get(base + "/" + id).body().get("status").asText()).isEqualTo("GENERATE_FAILED");
        }
    }
}
