package com.cedarauthoring.api.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.api.Http;
import com.fasterxml.jackson.databind.JsonNode;

/** The seed's refund gateway (target {@code RefundTool}) and an engine, created over HTTP for the testing suites. */
record RefundService(String gatewayId, String gatewayArn, String engineId, String engineArn) {
    static final String TOOL = """
            {"name": "process_refund", "description": "Process customer refund", "inputSchema": {"type": "object",
              "properties": {"orderId": {"type": "string"}, "amount": {"type": "integer"}, "reason": {"type": "string"}},
              "required": ["orderId", "amount"]}}""";

    /** @param toolsJson the target's inline tool definitions, comma-separated JSON objects */
    static RefundService create(Http http, String engineName, String toolsJson) {
        JsonNode gw = http.post("/gateways/", "{\"name\":\"refund-gateway\",\"roleArn\":\"arn:aws:iam::123456789012:role/R\","
                + "\"authorizerType\":\"CUSTOM_JWT\"}").body();
        String gatewayId = gw.get("gatewayId").asText();
        assertThat(http.post("/gateways/" + gatewayId + "/targets/", "{\"name\":\"RefundTool\",\"targetConfiguration\":{\"mcp\":"
                + "{\"lambda\":{\"lambdaArn\":\"arn:aws:lambda:us-west-2:123456789012:function:RefundProcessor\","
                + "\"toolSchema\":{\"inlinePayload\":[" + toolsJson + "]}}}}}").status()).isEqualTo(202);
        JsonNode engine = http.post("/policy-engines", "{\"name\":\"" + engineName + "\"}").body();
        return new RefundService(gatewayId, gw.get("gatewayArn").asText(), engine.get("policyEngineId").asText(),
                engine.get("policyEngineArn").asText());
    }
}
