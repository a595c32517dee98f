package com.cedarauthoring.api.generation;

import com.cedarauthoring.api.Http;
import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.api.Application;
import com.cedarauthoring.api.ServiceConfig;
import com.cedarauthoring.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole service as wired in Application, with the real rules translator: gateway from a fixture,
 * engine, StartPolicyGeneration -> poll -> assets -> CreatePolicy from the asset.
 */
class ApplicationGenerationTest {
    static final Path REFUND = Path.of(System.getProperty("fixtures.dir", "../fixtures"), "gateways", "refund.json");

    @Test
    void generateWithRulesTranslatorThenCreatePolicyFromAsset(@TempDir Path dir) throws Exception {
        try (Application app = Application.start(ServiceConfig.local(dir))) {
            Http http = new Http(app.port());
            JsonNode fixture = Json.mapper().readTree(Files.readString(REFUND));
            Http.Response gw = http.post("/gateways", fixture.get("gateway").toString());
            assertThat(gw.status()).as(gw.body().toString()).isIn(200, 201, 202);
            String gatewayId = gw.body().get("gatewayId").asText();
            String gatewayArn = gw.body().get("gatewayArn").asText();
            for (JsonNode target : fixture.get("targets")) {
                assertThat(http.post("/gateways/" + gatewayId + "/targets", target.toString()).status()).isIn(200, 201, 202);
            }
            Http.Response engine = http.post("/policy-engines", "{\"name\": \"RefundEngine\"}");
            assertThat(engine.status()).isEqualTo(202);
            String engineId = engine.body().get("policyEngineId").asText();

            ObjectNode start = Json.mapper().createObjectNode();
            start.put("name", "refund_agent_policy");
            start.putObject("resource").put("arn", gatewayArn);
            start.putObject("content").put("rawText",
                    "Allow user refund-agent to process refunds or check refund status. Allow users to process reasonable refunds.");
            String base = "/policy-engines/" + engineId + "/policy-generations";
            Http.Response started = http.post(base, start.toString());
            assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
            String genId = started.body().get("policyGenerationId").asText();
            JsonNode done = http.pollUntil(base + "/" + genId, b -> !"GENERATING".equals(b.path("status").asText()),
                    Duration.ofSeconds(20)).body();
            assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("GENERATED");

            JsonNode assets = http.get(base + "/" + genId + "/assets").body().get("policyGenerationAssets");
            assertThat(assets).hasSize(2);
            JsonNode first = assets.get(0);
            assertThat(first.get("translator").asText()).isEqualTo("rules");
            assertThat(first.at("/findings/0/type").asText()).as(first.toString()).isEqualTo("VALID");
            assertThat(first.at("/definition/cedar/statement").asText()).contains(gatewayArn);
            assertThat(assets.get(1).get("findings").findValuesAsText("type")).contains("NOT_TRANSLATABLE");

            ObjectNode create = Json.mapper().createObjectNode();
            create.put("name", "refund_agent");
            create.putObject("definition").putObject("policyGeneration")
                    .put("policyGenerationId", genId)
                    .put("policyGenerationAssetId", first.get("policyGenerationAssetId").asText());
            Http.Response policy = http.post("/policy-engines/" + engineId + "/policies", create.toString());
            assertThat(policy.status()).as(policy.body().toString()).isEqualTo(202);
            JsonNode settled = http.pollUntil("/policy-engines/" + engineId + "/policies/" + policy.body().get("policyId").asText(),
                    b -> !"CREATING".equals(b.path("status").asText()), Duration.ofSeconds(10)).body();
            assertThat(settled.get("status").asText()).as(settled.toString()).isEqualTo("ACTIVE");

            // GetPolicyGeneration reads the generation and its engine in one statement (clients poll it): the
            // generations of a deleted engine are gone with it
            String shortLived = http.post("/policy-engines", "{\"name\": \"ShortLived\"}").body().get("policyEngineId").asText();
            String orphans = "/policy-engines/" + shortLived + "/policy-generations";
            start.put("name", "orphan");
            String orphan = orphans + "/" + http.post(orphans, start.toString()).body().get("policyGenerationId").asText();
            assertThat(http.pollUntil(orphan, b -> !"GENERATING".equals(b.path("status").asText()), Duration.ofSeconds(20))
                    .body().get("status").asText()).isEqualTo("GENERATED");
            assertThat(http.send("DELETE", "/policy-engines/" + shortLived, null).status()).isIn(200, 202, 204);
            for (String path : new String[] {orphan, orphan + "/assets"}) {
                Http.Response gone = http.get(path);
                assertThat(gone.status()).as(path).isEqualTo(404);
                assertThat(gone.errorType()).isEqualTo("ResourceNotFoundException");
                assertThat(gone.body().path("message").asText()).contains("Policy engine " + shortLived);
            }
        }
    }
}
