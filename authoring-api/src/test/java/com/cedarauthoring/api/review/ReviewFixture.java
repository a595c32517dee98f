package com.cedarauthoring.api.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.api.Http;
import com.cedarauthoring.api.TestCredentials;
import com.cedarauthoring.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A refund gateway attached to an engine (set up by an admin), and generations started by an author. */
final class ReviewFixture {
    static final String REFUND_TARGET = """
            {"name": "RefundTarget", "targetConfiguration": {"mcp": {"lambda": {"lambdaArn": "arn:aws:lambda:us-west-2:123456789012:function:refund",
              "toolSchema": {"inlinePayload": [{"name": "process_refund", "description": "Process a customer refund",
                "inputSchema": {"type": "object", "properties": {"amount": {"type": "integer"}, "orderId": {"type": "string"},
                                "reason": {"type": "string"}}, "required": ["amount", "orderId"]}}]}}}}}
            """;

    final int port;
    final String engineId;
    final String gatewayArn;

    private ReviewFixture(int port, String engineId, String gatewayArn) {
        this.port = port;
        this.engineId = engineId;
        this.gatewayArn = gatewayArn;
    }

    /** The same gateway and engine on another port (a restarted service). */
    ReviewFixture onPort(int newPort) {
        return new ReviewFixture(newPort, engineId, gatewayArn);
    }

    static ReviewFixture create(int port, String suffix) {
        Http admin = Http.signed(port, TestCredentials.ADMIN);
        String gwBody = "{\"name\":\"refund-" + suffix + "\",\"roleArn\":\"arn:aws:iam::123456789012:role/R\",\"authorizerType\":\"CUSTOM_JWT\"}";
        JsonNode gw = admin.post("/gateways/", gwBody).body();
        String gatewayId = gw.get("gatewayId").asText();
        assertThat(admin.post("/gateways/" + gatewayId + "/targets/", REFUND_TARGET).status()).isEqualTo(202);
        JsonNode engine = admin.post("/policy-engines", "{\"name\":\"Refunds_" + suffix + "\"}").body();
        ObjectNode attach = (ObjectNode) Json.mapper().createObjectNode().put("name", "refund-" + suffix)
                .put("roleArn", "arn:aws:iam::123456789012:role/R").put("authorizerType", "CUSTOM_JWT");
        attach.putObject("policyEngineConfiguration").put("arn", engine.get("policyEngineArn").asText()).put("mode", "ENFORCE");
        assertThat(admin.send("PUT", "/gateways/" + gatewayId + "/", attach.toString()).status()).isEqualTo(202);
        return new ReviewFixture(port, engine.get("policyEngineId").asText(), gw.get("gatewayArn").asText());
    }

    /** Starts a generation as {@code author}, waits for GENERATED and returns its id and assets. */
    Generated generate(TestCredentials.Key author, String rawText) {
        Http http = Http.signed(port, author);
        ObjectNode body = Json.mapper().createObjectNode().put("name", "refunds");
        body.putObject("resource").put("arn", gatewayArn);
        body.putObject("content").put("rawText", rawText);
        Http.Response started = http.post(generations(), body);
        assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
        String id = started.body().get("policyGenerationId").asText();
        JsonNode done = http.pollUntil(generations() + "/" + id, b -> !"GENERATING".equals(b.path("status").asText()),
                Duration.ofSeconds(30)).body();
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("GENERATED");
        List<JsonNode> assets = new ArrayList<>();
        http.get(generations() + "/" + id + "/assets?maxResults=100").body().get("policyGenerationAssets").forEach(assets::add);
        return new Generated(id, done.get("policyGenerationArn").asText(), assets);
    }

    record Generated(String id, String arn, List<JsonNode> assets) {
        String assetId(int i) {
            return assets.get(i).get("policyGenerationAssetId").asText();
        }

        String statement(int i) {
            return assets.get(i).at("/definition/cedar/statement").asText();
        }

        String assetArn(int i) {
            return arn + "/asset/" + assetId(i);
        }
    }

    String generations() {
        return "/policy-engines/" + engineId + "/policy-generations";
    }

    String reviewPath(Generated g, int asset) {
        return generations() + "/" + g.id() + "/assets/" + g.assetId(asset) + "/review";
    }

    String reviewsPath(Generated g, int asset) {
        return generations() + "/" + g.id() + "/assets/" + g.assetId(asset) + "/reviews";
    }

    /** The asset's {@code review} member as listed now. */
    JsonNode reviewState(Generated g, int asset) {
        JsonNode assets = Http.signed(port, TestCredentials.REVIEWER).get(generations() + "/" + g.id() + "/assets?maxResults=100")
                .body().get("policyGenerationAssets");
        return assets.get(asset).get("review");
    }

    static ObjectNode approve(String policyName, String... acknowledged) {
        ObjectNode n = Json.mapper().createObjectNode().put("decision", "APPROVE").put("policyName", policyName);
        var acks = n.putArray("acknowledgedFindings");
        for (String a : acknowledged) {
            acks.add(a);
        }
        return n;
    }
}
