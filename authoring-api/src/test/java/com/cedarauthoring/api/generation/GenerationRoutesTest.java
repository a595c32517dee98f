package com.cedarauthoring.api.generation;

import com.cedarauthoring.api.Http;
import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.generation.GenerationSettings;
import com.cedarauthoring.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerationRoutesTest {
    @TempDir
    static Path dir;
    static GenerationTestServer server;
    static Http http;

    @BeforeAll
    static void start() {
        GenerationSettings settings = GenerationSettings.defaults().withRetries(1, Duration.ofMillis(50));
        server = GenerationTestServer.start(dir.resolve("db"), new TestTranslator(), settings, 0);
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String base() {
        return "/policy-engines/" + server.engineId + "/policy-generations";
    }

    static String body(String name, String arn, String rawText, String clientToken) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("name", name);
        n.putObject("resource").put("arn", arn);
        n.putObject("content").put("rawText", rawText);
        if (clientToken != null) {
            n.put("clientToken", clientToken);
        }
        return n.toString();
    }

    static JsonNode startAndWait(String name, String rawText) {
        Http.Response started = http.post(base(), body(name, server.gatewayArn, rawText, null));
        assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
        String id = started.body().get("policyGenerationId").asText();
        Http.Response done = http.pollUntil(base() + "/" + id, b -> !"GENERATING".equals(b.path("status").asText()),
                Duration.ofSeconds(20));
        return done.body();
    }

    @Test
    void startPollAndPageThroughAssets() {
        String raw = "Allow users to process refunds under $500. Allow everyone to process refunds.\n"
                + "Broken requirement. Refunds elsewhere. Refund by colour. A reasonable refund.";
        Http.Response started = http.post(base(), body("refund_policy_v1", server.gatewayArn, raw, null));
        assertThat(started.status()).isEqualTo(202);
        JsonNode s = started.body();
        assertThat(s.get("status").asText()).isEqualTo("GENERATING");
        assertThat(s.get("policyGenerationId").asText()).matches("refund_policy_v1-[a-z0-9_]{10}");
        assertThat(s.get("policyGenerationArn").asText()).endsWith(":policy-engine/" + server.engineId
                + "/policy-generation/" + s.get("policyGenerationId").asText());
        assertThat(s.get("resource").get("arn").asText()).isEqualTo(server.gatewayArn);
        assertThat(s.get("statusReasons")).isEmpty();
        assertThat(s.has("createdAt") && s.has("updatedAt")).isTrue();
        String id = s.get("policyGenerationId").asText();

        JsonNode done = http.pollUntil(base() + "/" + id, b -> !"GENERATING".equals(b.path("status").asText()),
                Duration.ofSeconds(20)).body();
        assertThat(done.get("status").asText()).isEqualTo("GENERATED");

        List<JsonNode> assets = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Http.Response page = http.get(base() + "/" + id + "/assets?maxResults=2" + (token == null ? "" : "&nextToken=" + token));
            assertThat(page.status()).isEqualTo(200);
            page.body().get("policyGenerationAssets").forEach(assets::add);
            token = page.body().has("nextToken") ? page.body().get("nextToken").asText() : null;
            pages++;
        } while (token != null);
        assertThat(pages).isEqualTo(3);
        assertThat(assets).hasSize(6);

        JsonNode valid = assets.get(0);
        assertThat(valid.get("policyGenerationAssetId").asText()).matches("[A-Za-z][A-Za-z0-9_]*-[a-z0-9_]{10}");
        assertThat(valid.get("rawTextFragment").asText()).isEqualTo("Allow users to process refunds under $500.");
        assertThat(valid.at("/definition/cedar/statement").asText()).contains("context.input.amount < 500")
                .contains(server.gatewayArn);
        assertThat(valid.get("findings")).hasSize(1);
        assertThat(valid.at("/findings/0/type").asText()).isEqualTo("VALID");
        assertThat(valid.at("/findings/0").has("description")).isFalse();
        assertThat(valid.get("translator").asText()).isEqualTo("test");
        assertThat(valid.get("explanation").asText()).isNotBlank();
        assertThat(valid.get("examples")).isNotEmpty();
        assertThat(valid.at("/examples/0/decision").asText()).isIn("ALLOW", "DENY");
        // the grounding check's evidence, for a console to highlight: each part and the raw-text words behind it
        JsonNode condition = null;
        for (JsonNode part : valid.get("alignment")) {
            if ("CONDITION".equals(part.get("role").asText())) {
                condition = part;
            }
        }
        assertThat(condition).as(valid.toString()).isNotNull();
        assertThat(condition.get("target").asText()).isEqualTo("context.input.amount < 500");
        assertThat(raw.substring(condition.at("/spans/0/start").asInt(), condition.at("/spans/0/end").asInt()))
                .isEqualTo("$500");
        assertThat(valid.get("alignment").findValuesAsText("role")).contains("EFFECT", "TOOL");

        assertThat(types(assets.get(1))).contains("ALLOW_ALL").doesNotContain("VALID");
        assertThat(assets.get(2).at("/findings/0/code").asText()).isEqualTo("CEDAR_SYNTAX");
        assertThat(assets.get(2).at("/findings/0/type").asText()).isEqualTo("INVALID");
        assertThat(assets.get(3).at("/findings/0/code").asText()).isEqualTo("SCOPE_VIOLATION");
        assertThat(assets.get(4).at("/findings/0/code").asText()).isEqualTo("CEDAR_SCHEMA");
        assertThat(assets.get(4).at("/findings/0/description").asText()).contains("colour");
        JsonNode untranslatable = assets.get(5);
        assertThat(untranslatable.has("definition")).isFalse();
        assertThat(untranslatable.at("/findings/0/type").asText()).isEqualTo("NOT_TRANSLATABLE");
        int start = untranslatable.at("/findings/0/span/start").asInt();
        int end = untranslatable.at("/findings/0/span/end").asInt();
        assertThat(raw.substring(start, end)).isEqualTo("A reasonable refund.");

        Http.Response list = http.get(base() + "?maxResults=100");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get("policyGenerations").findValuesAsText("policyGenerationId")).contains(id);
        Http.Response firstPage = http.get(base() + "?maxResults=1");
        assertThat(firstPage.body().get("policyGenerations")).hasSize(1);
        Http.Response secondPage = http.get(base() + "?maxResults=1&nextToken=" + firstPage.body().get("nextToken").asText());
        assertThat(secondPage.body().get("policyGenerations")).hasSize(1);
        assertThat(secondPage.body().at("/policyGenerations/0/policyGenerationId"))
                .isNotEqualTo(firstPage.body().at("/policyGenerations/0/policyGenerationId"));
        assertThat(http.get("/policy-engines/NoEngine-0000000000/policy-generations").status()).isEqualTo(404);
        assertThat(http.get(base() + "?maxResults=0").status()).isEqualTo(400);
    }

    static List<String> types(JsonNode asset) {
        return asset.get("findings").findValuesAsText("type");
    }

    @Test
    void nameWithHyphenIsRejectedNamingFieldAndPattern() {
        Http.Response r = http.post(base(), body("refund-policy-v1", server.gatewayArn, "Allow refunds.", null));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorType()).isEqualTo("ValidationException");
        assertThat(r.body().get("reason").asText()).isEqualTo("FieldValidationFailed");
        assertThat(r.body().at("/fieldList/0/name").asText()).isEqualTo("name");
        assertThat(r.body().at("/fieldList/0/message").asText()).contains("^[A-Za-z][A-Za-z0-9_]*$");
    }

    @Test
    void rawTextMustBe1To2000Characters() {
        Http.Response empty = http.post(base(), body("empty_text", server.gatewayArn, "", null));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().at("/fieldList/0/name").asText()).isEqualTo("content.rawText");
        Http.Response tooLong = http.post(base(), body("long_text", server.gatewayArn, "a".repeat(2001), null));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().at("/fieldList/0/name").asText()).isEqualTo("content.rawText");
        Http.Response max = http.post(base(), body("max_text", server.gatewayArn, "a".repeat(2000), null));
        assertThat(max.status()).isEqualTo(202);
    }

    @Test
    void unknownGatewayAndUnknownEngineAre404() {
        Http.Response gw = http.post(base(), body("gw_missing",
                "arn:aws:bedrock-agentcore:us-west-2:123456789012:gateway/nope-0000000000", "Allow refunds.", null));
        assertThat(gw.status()).isEqualTo(404);
        assertThat(gw.errorType()).isEqualTo("ResourceNotFoundException");
        Http.Response engine = http.post("/policy-engines/NoEngine-0000000000/policy-generations",
                body("engine_missing", server.gatewayArn, "Allow refunds.", null));
        assertThat(engine.status()).isEqualTo(404);
        assertThat(engine.errorType()).isEqualTo("ResourceNotFoundException");
        assertThat(http.get(base() + "/Nope-0000000000").status()).isEqualTo(404);
        assertThat(http.get(base() + "/Nope-0000000000/assets").status()).isEqualTo(404);
    }

    @Test
    void clientTokenMakesStartIdempotent() {
        String token = "a".repeat(20) + "-" + System.nanoTime();
        Http.Response first = http.post(base(), body("idem", server.gatewayArn, "Allow refunds.", token));
        Http.Response again = http.post(base(), body("idem", server.gatewayArn, "Allow refunds.", token));
        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.body().get("policyGenerationId")).isEqualTo(first.body().get("policyGenerationId"));
        Http.Response different = http.post(base(), body("idem", server.gatewayArn, "Allow other refunds.", token));
        assertThat(different.status()).isEqualTo(400);
        assertThat(different.body().get("reason").asText()).isEqualTo("IdempotentParameterMismatchException");
    }

    @Test
    void translatorFailureEndsGenerateFailedWithItsReason() {
        JsonNode done = startAndWait("unreachable_model", "Allow refunds when the model is unreachable.");
        assertThat(done.get("status").asText()).isEqualTo("GENERATE_FAILED");
        assertThat(done.get("statusReasons").get(0).asText()).contains("unreachable").contains("Check");
    }

    @Test
    void retryableFailureIsRetriedThenFails() {
        JsonNode done = startAndWait("flaky_model", "Allow flaky refunds.");
        assertThat(done.get("status").asText()).isEqualTo("GENERATE_FAILED");
        assertThat(done.get("statusReasons").get(0).asText()).contains("throttled");
    }
}
