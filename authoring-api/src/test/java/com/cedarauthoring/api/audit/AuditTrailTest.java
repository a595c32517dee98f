package com.cedarauthoring.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.api.Application;
import com.cedarauthoring.api.Http;
import com.cedarauthoring.api.TestCredentials;
import com.cedarauthoring.audit.AuditEntry;
import com.cedarauthoring.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every state change made through the API appends one event, written by the service that made the change (not
 * by an HTTP after-handler): who (the signed principal), what (the AgentCore operation), which resource, and the
 * statement hash for policies. Refused requests (bad input, wrong role, bad signature) append nothing.
 */
class AuditTrailTest {
    static final String ROLE = "arn:aws:iam::123456789012:role/R";
    static final String TARGET = """
            {"name": "RefundTool", "targetConfiguration": {"mcp": {"lambda": {"lambdaArn": "arn:aws:lambda:us-west-2:123456789012:function:refund",
              "toolSchema": {"inlinePayload": [{"name": "process_refund", "description": "Process a customer refund",
                "inputSchema": {"type": "object", "properties": {"amount": {"type": "integer"}, "orderId": {"type": "string"}},
                                "required": ["amount", "orderId"]}}]}}}}}""";

    @Test
    void everyStateChangeIsRecordedOnceByTheServiceThatMadeIt(@TempDir Path dataDir) {
        try (Application app = Application.start(TestCredentials.signed(dataDir))) {
            Http ada = Http.signed(app.port(), TestCredentials.ADMIN);
            Http alice = Http.signed(app.port(), TestCredentials.AUTHOR);

            JsonNode gw = created(ada.post("/gateways", "{\"name\":\"audited-gw\",\"roleArn\":\"" + ROLE
                    + "\",\"authorizerType\":\"CUSTOM_JWT\",\"tags\":{\"team\":\"refunds\"}}"));
            String gwId = gw.get("gatewayId").asText();
            String gwArn = gw.get("gatewayArn").asText();
            String targetId = created(ada.post("/gateways/" + gwId + "/targets", TARGET)).get("targetId").asText();
            created(ada.send("PATCH", "/gateways/" + gwId, "{\"description\":\"changed\"}"));
            created(ada.send("PATCH", "/gateways/" + gwId + "/targets/" + targetId, "{\"description\":\"changed\"}"));
            JsonNode engine = created(ada.post("/policy-engines", "{\"name\":\"AuditedEngine\"}"));
            String engineId = engine.get("policyEngineId").asText();
            String engineArn = engine.get("policyEngineArn").asText();
            created(ada.send("PATCH", "/policy-engines/" + engineId, "{\"description\":\"changed\"}"));
            String tags = "/tags/" + URLEncoder.encode(engineArn, StandardCharsets.UTF_8);
            assertThat(ada.post(tags, "{\"tags\":{\"owner\":\"ada\"}}").status()).isEqualTo(204);
            assertThat(ada.send("DELETE", tags + "?tagKeys=owner", null).status()).isEqualTo(204);
            String statement = "permit(principal, action == AgentCore::Action::\"RefundTool___process_refund\", "
                    + "resource == AgentCore::Gateway::\"" + gwArn + "\");";
            JsonNode policy = created(ada.post("/policy-engines/" + engineId + "/policies", "{\"name\":\"AuditedPolicy\","
                    + "\"definition\":{\"cedar\":{\"statement\":" + Json.mapper().valueToTree(statement) + "}}}"));
            String policyPath = "/policy-engines/" + engineId + "/policies/" + policy.get("policyId").asText();
            created(ada.send("PATCH", policyPath, "{\"description\":\"changed\"}"));
            created(ada.send("DELETE", policyPath, null));
            JsonNode run = ada.post("/policy-engines/" + engineId + "/test-runs", "{\"gatewayArn\":\"" + gwArn + "\",\"save\":true,"
                    + "\"cases\":[{\"name\":\"c\",\"principal\":{\"id\":\"u\"},\"action\":\"RefundTool___process_refund\","
                    + "\"input\":{\"orderId\":\"1\",\"amount\":10},\"expected\":\"DENY\"}]}").body();
            assertThat(run.has("testRunId")).as(run.toString()).isTrue();

            // the author's generation: started by alice, finished by the service for her
            String start = "{\"name\":\"audited\",\"resource\":{\"arn\":\"" + gwArn + "\"},\"content\":{\"rawText\":"
                    + "\"Allow user refund-agent to process refunds when the amount is less than $500.\"}}";
            JsonNode generation = created(alice.post("/policy-engines/" + engineId + "/policy-generations", start));
            String generationPath = "/policy-engines/" + engineId + "/policy-generations/" + generation.get("policyGenerationId").asText();
            assertThat(alice.pollUntil(generationPath, b -> !"GENERATING".equals(b.path("status").asText()),
                    Duration.ofSeconds(30)).body().get("status").asText()).isEqualTo("GENERATED");

            created(ada.send("DELETE", "/gateways/" + gwId + "/targets/" + targetId, null));
            created(ada.send("DELETE", "/gateways/" + gwId, null));
            created(ada.send("DELETE", "/policy-engines/" + engineId, null));

            // refused requests change nothing and record nothing
            long before = ada.get("/audit-events/verify").body().get("events").asLong();
            assertThat(ada.post("/gateways", "{\"name\":\"bad\",\"roleArn\":\"nope\",\"authorizerType\":\"CUSTOM_JWT\"}").status())
                    .isEqualTo(400);
            assertThat(alice.post("/policy-engines", "{\"name\":\"NotAnAdmin\"}").status()).isEqualTo(403);
            assertThat(ada.send("POST", "/policy-engines", "{\"name\":\"Honest\"}", "{\"name\":\"Tampered\"}").status())
                    .isEqualTo(403);
            assertThat(ada.send("DELETE", "/policy-engines/" + engineId, null).status()).isEqualTo(404);
            // reads record nothing either
            ada.get("/gateways");
            assertThat(ada.get("/audit-events/verify").body().get("events").asLong()).isEqualTo(before);

            List<JsonNode> all = events(ada, "");
            assertThat(all).extracting(e -> e.get("principal").asText() + " " + e.get("action").asText()).containsExactly(
                    "ada CreateGateway", "ada TagResource", "ada CreateGatewayTarget", "ada UpdateGateway",
                    "ada UpdateGatewayTarget", "ada CreatePolicyEngine", "ada UpdatePolicyEngine", "ada TagResource",
                    "ada UntagResource", "ada CreatePolicy", "ada UpdatePolicy", "ada DeletePolicy", "ada SaveTestRun",
                    "alice StartPolicyGeneration", "system CompletePolicyGeneration", "ada DeleteGatewayTarget",
                    "ada DeleteGateway", "ada DeletePolicyEngine");
            assertThat(events(ada, "resourceArn=" + URLEncoder.encode(gwArn + "/target/" + targetId, StandardCharsets.UTF_8)))
                    .extracting(e -> e.get("action").asText())
                    .containsExactly("CreateGatewayTarget", "UpdateGatewayTarget", "DeleteGatewayTarget");
            List<JsonNode> policyEvents = events(ada, "resourceArn="
                    + URLEncoder.encode(policy.get("policyArn").asText(), StandardCharsets.UTF_8));
            assertThat(policyEvents).hasSize(3).allSatisfy(e ->
                    assertThat(e.get("statementSha256").asText()).isEqualTo(AuditEntry.sha256(statement)));
            assertThat(all.get(14).at("/details/requestedBy").asText()).isEqualTo("alice");
            assertThat(ada.get("/audit-events/verify").body().get("intact").asBoolean()).isTrue();
        }
    }

    private static JsonNode created(Http.Response r) {
        assertThat(r.status()).as(r.body().toString()).isBetween(200, 299);
        return r.body();
    }

    private static List<JsonNode> events(Http http, String filter) {
        JsonNode page = http.get("/audit-events?maxResults=100&" + filter).body();
        List<JsonNode> out = new ArrayList<>();
        page.get("auditEvents").forEach(out::add);
        return out;
    }
}
