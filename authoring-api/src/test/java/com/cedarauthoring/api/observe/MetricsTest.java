package com.cedarauthoring.api.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.api.Application;
import com.cedarauthoring.api.Http;
import com.cedarauthoring.api.ServiceConfig;
import com.cedarauthoring.fixtures.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics} after a known workload through the real service: the meters exist under their
 * Prometheus names and count exactly what was done; every response carries its own request id.
 */
class MetricsTest {

    @Test
    void metricsCountAKnownWorkloadAndEveryResponseHasARequestId(@TempDir Path dir) throws Exception {
        try (Application app = Application.start(ServiceConfig.local(dir))) {
            Http http = new Http(app.port());
            Fixtures.GatewayFixture refund = Fixtures.gateways().get("refund");
            JsonNode gw = http.post("/gateways", refund.gateway()).body();
            for (JsonNode target : refund.targets()) {
                http.post("/gateways/" + gw.get("gatewayId").asText() + "/targets", target);
            }
            String engine = http.post("/policy-engines", Map.of("name", "MetricsEngine")).body().get("policyEngineId").asText();
            String base = "/policy-engines/" + engine + "/policy-generations";
            // 3 requirements: two translate (VALID), one is subjective (NOT_TRANSLATABLE); a second generation: 1 VALID
            List<String> texts = List.of("Allow user refund-agent to process refunds when the amount is less than $500. "
                    + "Block users from processing refunds when the amount exceeds $10,000. Allow users to process reasonable refunds.",
                    "Allow user support-agent to process refunds.");
            for (int i = 0; i < texts.size(); i++) {
                String id = http.post(base, Map.of("name", "metrics_" + i, "resource", Map.of("arn", gw.get("gatewayArn").asText()),
                        "content", Map.of("rawText", texts.get(i)))).body().get("policyGenerationId").asText();
                JsonNode done = http.pollUntil(base + "/" + id, g -> !"GENERATING".equals(g.path("status").asText()),
                        Duration.ofSeconds(30)).body();
                assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("GENERATED");
            }
            Http.Raw missing = http.raw("GET", "/policy-engines/NoSuchEngine-0000000000", null);
            Http.Raw created = http.raw("POST", "/policy-engines", "{\"name\": \"Second\"}");

            // request ids: on success and on errors, one per request
            Set<String> ids = new HashSet<>();
            for (Http.Raw r : List.of(missing, created, http.raw("GET", "/health", null))) {
                String id = r.headers().firstValue("x-amzn-RequestId").orElseThrow();
                assertThat(id).matches("[0-9a-f-]{36}");
                ids.add(id);
            }
            assertThat(ids).hasSize(3);
            assertThat(missing.status()).isEqualTo(404);

            Http.Raw scrape = http.raw("GET", "/metrics", null);
            assertThat(scrape.status()).isEqualTo(200);
            assertThat(scrape.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
            String m = scrape.body();
            assertThat(value(m, "authoring_generations_total", Map.of("outcome", "GENERATED"))).isEqualTo(2);
            assertThat(value(m, "authoring_generation_assets_total", Map.of("finding_type", "VALID"))).isEqualTo(3);
            assertThat(value(m, "authoring_generation_assets_total", Map.of("finding_type", "NOT_TRANSLATABLE"))).isEqualTo(1);
            assertThat(value(m, "authoring_translation_seconds_count", Map.of("translator", "rules", "outcome", "translated")))
                    .isEqualTo(4);
            assertThat(value(m, "http_server_requests_seconds_count",
                    Map.of("operation", "StartPolicyGeneration", "status", "202"))).isEqualTo(2);
            assertThat(value(m, "http_server_requests_seconds_count",
                    Map.of("operation", "CreatePolicyEngine", "status", "202"))).isEqualTo(2);
            assertThat(value(m, "http_server_requests_seconds_count",
                    Map.of("operation", "GetPolicyEngine", "status", "404"))).isEqualTo(1);
            assertThat(m).contains("http_server_requests_seconds_bucket{method=\"POST\",operation=\"CreateGateway\"");
            assertThat(value(m, "authoring_generation_jobs_waiting", Map.of())).isZero();
            assertThat(value(m, "authoring_generation_jobs_oldest_wait_seconds", Map.of())).isZero();
            assertThat(value(m, "hikaricp_connections_max", Map.of("pool", "authoring"))).isPositive();
            assertThat(value(m, "authoring_model_retries_total", Map.of())).isZero();
            assertThat(m).contains("authoring_model_throttles_total", "authoring_model_failures_total", "jvm_memory_used_bytes");
        }
    }

    /** The value of the one sample of {@code name} whose labels include {@code labels}. */
    static double value(String scrape, String name, Map<String, String> labels) {
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE);
        Matcher m = line.matcher(scrape);
        Double found = null;
        while (m.find()) {
            String have = m.group(1) == null ? "" : m.group(1);
            if (labels.entrySet().stream().allMatch(e -> have.contains(e.getKey() + "=\"" + e.getValue() + "\""))) {
                assertThat(found).as("one sample of %s%s", name, labels).isNull();
                found = Double.parseDouble(m.group(2));
            }
        }
        assertThat(found).as("a sample of %s%s in:%n%s", name, labels, scrape).isNotNull();
        return found;
    }
}
