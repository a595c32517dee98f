package com.cedarauthoring.api.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.api.Application;
import com.cedarauthoring.api.Http;
import com.cedarauthoring.api.ServiceConfig;
import com.cedarauthoring.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saved test suites over real HTTP: kept per engine by name, listed page by page, replaced, run by name
 * ({@code POST .../test-runs} with {@code suiteName}) against real cedar-java, deleted, audited, and bounded.
 */
class TestSuitesTest {
    @TempDir
    static Path dataDir;
    static Application app;
    static Http http;
    static String gatewayArn;
    static String engineId;
    static String engineArn;
    static String suites;

    @BeforeAll
    static void start() {
        app = Application.start(ServiceConfig.local(dataDir));
        http = new Http(app.port());
        RefundService refund = RefundService.create(http, "SuiteEngine", RefundService.TOOL);
        gatewayArn = refund.gatewayArn();
        engineId = refund.engineId();
        engineArn = refund.engineArn();
        suites = "/policy-engines/" + engineId + "/test-suites";
        ObjectNode policy = Json.mapper().createObjectNode().put("name", "Under500").put("validationMode", "IGNORE_ALL_FINDINGS");
        policy.putObject("definition").putObject("cedar").put("statement", """
                permit(principal is AgentCore::OAuthUser, action == AgentCore::Action::"RefundTool___process_refund",
                  resource == AgentCore::Gateway::"%s")
                when { principal.hasTag("username") && principal.getTag("username") == "refund-agent" && context.input.amount < 500 };"""
                .formatted(gatewayArn));
        assertThat(http.post("/policy-engines/" + engineId + "/policies", policy).status()).isEqualTo(202);
        http.pollUntil("/policy-engines/" + engineId + "/policies", b -> b.at("/policies/0/status").asText().equals("ACTIVE"),
                java.time.Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static String suite(int... amounts) {
        List<String> cases = new ArrayList<>();
        for (int amount : amounts) {
            cases.add("""
                    {"name": "refund %d", "principal": {"id": "u", "tags": {"username": "refund-agent"}},
                     "action": "RefundTool__process_refund", "input": {"orderId": "1", "amount": %d}, "expected": "%s"}"""
                    .formatted(amount, amount, amount < 500 ? "ALLOW" : "DENY"));
        }
        return "{\"gatewayArn\": \"" + gatewayArn + "\", \"cases\": [" + String.join(",", cases) + "]}";
    }

    @Test
    void aSavedSuiteIsSharedReplacedRunByNameAndDeleted() {
        Http.Response put = http.send("PUT", suites + "/refunds", suite(450, 750));
        assertThat(put.status()).as(put.body().toString()).isEqualTo(200);
        assertThat(put.body().get("name").asText()).isEqualTo("refunds");
        assertThat(put.body().get("caseCount").asInt()).isEqualTo(2);
        assertThat(put.body().get("createdBy").asText()).isEqualTo("local");
        assertThat(put.body().at("/cases/1/input/amount").asInt()).isEqualTo(750);

        JsonNode got = http.get(suites + "/refunds").body();
        assertThat(got.get("gatewayArn").asText()).isEqualTo(gatewayArn);
        assertThat(got.get("cases").findValuesAsText("name")).containsExactly("refund 450", "refund 750");

        // run it by name: the saved cases against the engine as it is now
        JsonNode run = http.post("/policy-engines/" + engineId + "/test-runs", "{\"suiteName\": \"refunds\", \"save\": true}").body();
        assertThat(run.get("suiteName").asText()).isEqualTo("refunds");
        assertThat(run.get("passed").asInt()).isEqualTo(2);
        assertThat(run.get("results").findValuesAsText("decision")).containsExactly("ALLOW", "DENY");
        assertThat(run.get("testRunId").asText()).startsWith("TestRun-");
        // ... and with a candidate added by whoever runs it
        JsonNode withCandidate = http.post("/policy-engines/" + engineId + "/test-runs", "{\"suiteName\": \"refunds\", "
                + "\"candidatePolicies\": [\"permit(principal, action, resource);\"]}").body();
        assertThat(withCandidate.get("failed").asInt()).isEqualTo(1);

        // replaced: new cases, same creator and creation time
        JsonNode replaced = http.send("PUT", suites + "/refunds", suite(10, 20, 30)).body();
        assertThat(replaced.get("caseCount").asInt()).isEqualTo(3);
        assertThat(replaced.get("createdAt").asText()).isEqualTo(put.body().get("createdAt").asText());
        assertThat(http.get(suites + "/refunds").body().get("cases")).hasSize(3);

        Http.Response deleted = http.send("DELETE", suites + "/refunds", "");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().get("name").asText()).isEqualTo("refunds");
        assertThat(http.get(suites + "/refunds").status()).isEqualTo(404);
        Http.Response runDeleted = http.post("/policy-engines/" + engineId + "/test-runs", "{\"suiteName\": \"refunds\"}");
        assertThat(runDeleted.status()).isEqualTo(404);
        assertThat(runDeleted.errorType()).isEqualTo("ResourceNotFoundException");
        assertThat(http.send("DELETE", suites + "/refunds", "").status()).isEqualTo(404);

        // every change is an audit event under the suite's ARN (named after its engine), with who made it
        JsonNode events = http.get("/audit-events?maxResults=100&resourceArn="
                + URLEncoder.encode(engineArn + "/test-suite/refunds", StandardCharsets.UTF_8)).body().get("auditEvents");
        assertThat(events.findValuesAsText("action")).containsExactlyInAnyOrder("PutTestSuite", "PutTestSuite", "DeleteTestSuite");
        assertThat(events.findValuesAsText("principal")).containsOnly("local");
        assertThat(events.get(0).at("/details/name").asText()).isEqualTo("refunds");
    }

    @Test
    void aSavedSuiteWhoseToolWasRemovedIsRefusedWhenRunSayingWhy() {
        JsonNode gw = http.post("/gateways/", "{\"name\":\"changing-gateway\",\"roleArn\":\"arn:aws:iam::123456789012:role/R\","
                + "\"authorizerType\":\"CUSTOM_JWT\"}").body();
        String gwId = gw.get("gatewayId").asText();
        String target = "{\"name\":\"RefundTool\",\"targetConfiguration\":{\"mcp\":{\"lambda\":{\"lambdaArn\":"
                + "\"arn:aws:lambda:us-west-2:123456789012:function:RefundProcessor\",\"toolSchema\":{\"inlinePayload\":[" + RefundService.TOOL + "]}}}}}";
        String targetId = http.post("/gateways/" + gwId + "/targets/", target).body().get("targetId").asText();
        String body = suite(10).replace(gatewayArn, gw.get("gatewayArn").asText());
        assertThat(http.send("PUT", suites + "/changing", body).status()).isEqualTo(200);
        assertThat(http.send("PUT", "/gateways/" + gwId + "/targets/" + targetId + "/", target.replace("\"process_refund\"", "\"issue_refund\""))
                .status()).isEqualTo(202);

        Http.Response run = http.post("/policy-engines/" + engineId + "/test-runs", "{\"suiteName\": \"changing\"}");
        assertThat(run.status()).isEqualTo(400);
        assertThat(run.errorType()).isEqualTo("ValidationException");
        assertThat(run.body().get("message").asText()).contains("Saved test suite changing no longer fits its gateway")
                .contains("Unknown tool");
        assertThat(run.body().at("/fieldList/0/name").asText()).isEqualTo("cases[0].action");
    }

    @Test
    void suitesAreListedByNamePageByPage() {
        JsonNode engine = http.post("/policy-engines", "{\"name\":\"ListEngine\"}").body();
        String base = "/policy-engines/" + engine.get("policyEngineId").asText() + "/test-suites";
        for (String name : List.of("c-suite", "a-suite", "b.suite")) {
            assertThat(http.send("PUT", base + "/" + name, suite(1)).status()).isEqualTo(200);
        }
        JsonNode first = http.get(base + "?maxResults=2").body();
        assertThat(first.get("testSuites").findValuesAsText("name")).containsExactly("a-suite", "b.suite");
        assertThat(first.at("/testSuites/0/caseCount").asInt()).isEqualTo(1);
        assertThat(first.at("/testSuites/0").has("cases")).isFalse();
        JsonNode second = http.get(base + "?maxResults=2&nextToken=" + first.get("nextToken").asText()).body();
        assertThat(second.get("testSuites").findValuesAsText("name")).containsExactly("c-suite");
        assertThat(second.has("nextToken")).isFalse();
    }

    @Test
    void anEngineKeepsAtMostAHundredSuites() {
        JsonNode engine = http.post("/policy-engines", "{\"name\":\"FullEngine\"}").body();
        String base = "/policy-engines/" + engine.get("policyEngineId").asText() + "/test-suites/";
        for (int i = 0; i < TestSuiteRoutes.MAX_SUITES; i++) {
            assertThat(http.send("PUT", base + "s" + i, suite(1)).status()).isEqualTo(200);
        }
        Http.Response full = http.send("PUT", base + "one-more", suite(1));
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.errorType()).isEqualTo("ConflictException");
        assertThat(full.body().get("message").asText()).contains("already has 100 test suites");
        // replacing an existing one is not a new suite
        assertThat(http.send("PUT", base + "s0", suite(2)).status()).isEqualTo(200);
    }

    @Test
    void badInputIsAValidationExceptionNamingTheField() {
        record Bad(String method, String path, String body, String field) {}
        String runs = "/policy-engines/" + engineId + "/test-runs";
        String cases201 = suite(java.util.stream.IntStream.range(0, 201).toArray());
        for (Bad bad : List.of(
                new Bad("PUT", suites + "/-leading-dash", suite(1), "suiteName"),
                new Bad("PUT", suites + "/" + "x".repeat(65), suite(1), "suiteName"),
                new Bad("PUT", suites + "/ok", "{\"cases\": []}", "gatewayArn"),
                new Bad("PUT", suites + "/ok", "{\"gatewayArn\": \"" + gatewayArn + "\", \"cases\": []}", "cases"),
                new Bad("PUT", suites + "/ok", cases201, "cases"),
                new Bad("PUT", suites + "/ok", suite(1).replace("\"ALLOW\"", "\"MAYBE\""), "cases[0].expected"),
                new Bad("PUT", suites + "/ok", suite(1).replace("RefundTool__process_refund", "RefundTool___nothing"), "cases[0].action"),
                new Bad("POST", runs, "{\"suiteName\": \"refunds\", \"cases\": []}", "suiteName"),
                new Bad("POST", runs, "{\"suiteName\": \"no spaces\"}", "suiteName"))) {
            Http.Response r = http.send(bad.method(), bad.path(), bad.body());
            assertThat(r.status()).as(bad.path() + " " + bad.body()).isEqualTo(400);
            assertThat(r.errorType()).isEqualTo("ValidationException");
            assertThat(r.body().at("/fieldList/0/name").asText()).as(bad.body()).isEqualTo(bad.field());
        }
        assertThat(http.get(suites + "/ok").status()).isEqualTo(404);
        Http.Response unknownEngine = http.send("PUT", "/policy-engines/Nothing-abcdefghij/test-suites/ok", suite(1));
        assertThat(unknownEngine.status()).isEqualTo(404);
        assertThat(unknownEngine.errorType()).isEqualTo("ResourceNotFoundException");
        Http.Response unknownGateway = http.send("PUT", suites + "/ok", suite(1).replace(gatewayArn, gatewayArn + "x"));
        assertThat(unknownGateway.status()).isEqualTo(404);
    }
}
