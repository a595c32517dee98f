package com.cedarauthoring.api.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.api.Application;
import com.cedarauthoring.api.Http;
import com.cedarauthoring.api.ServiceConfig;
import com.cedarauthoring.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Authorize, test runs and the MCP test endpoint over real HTTP against real cedar-java, including the
 * seed document's Step 4 as written there: a JWT carrying the username, {@code tools/call} of
 * {@code RefundTool__process_refund} (two underscores) allowed at $450 and denied at $750.
 */
class PolicyTestingTest {
    static final String TOOL = RefundService.TOOL;
    static final String LOOKUP = """
            {"name": "lookup_order", "description": "Look up an order", "inputSchema": {"type": "object",
              "properties": {"orderId": {"type": "string"}}, "required": ["orderId"]}}""";

    @TempDir
    static Path dataDir;
    static Application app;
    static Http http;
    static String gatewayId;
    static String gatewayArn;
    static String engineId;
    static String engineArn;
    static String under500;

    @BeforeAll
    static void start() {
        app = Application.start(ServiceConfig.local(dataDir));
        http = new Http(app.port());
        RefundService refund = RefundService.create(http, "RefundPolicyEngine", TOOL + "," + LOOKUP);
        gatewayId = refund.gatewayId();
        gatewayArn = refund.gatewayArn();
        engineId = refund.engineId();
        engineArn = refund.engineArn();
        // Step 2 of the seed, for this gateway's ARN and target name
        under500 = createPolicy("RefundUnder500Policy", """
                permit(
                  principal is AgentCore::OAuthUser,
                  action == AgentCore::Action::"RefundTool___process_refund",
                  resource == AgentCore::Gateway::"%s"
                )
                when {
                  principal.hasTag("username") &&
                  principal.getTag("username") == "refund-agent" &&
                  context.input.amount < 500
                };""".formatted(gatewayArn), "ACTIVE");
        attach("ENFORCE");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static String createPolicy(String name, String statement, String mode) {
        ObjectNode body = Json.mapper().createObjectNode().put("name", name).put("validationMode", "IGNORE_ALL_FINDINGS")
                .put("enforcementMode", mode);
        body.putObject("definition").putObject("cedar").put("statement", statement);
        Http.Response r = http.post("/policy-engines/" + engineId + "/policies", body);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(202);
        String id = r.body().get("policyId").asText();
        assertThat(http.get("/policy-engines/" + engineId + "/policies/" + id).body().get("status").asText()).isEqualTo("ACTIVE");
        return id;
    }

    static void attach(String mode) {
        ObjectNode body = Json.mapper().createObjectNode().put("name", "refund-gateway")
                .put("roleArn", "arn:aws:iam::123456789012:role/R").put("authorizerType", "CUSTOM_JWT");
        body.putObject("policyEngineConfiguration").put("arn", engineArn).put("mode", mode);
        assertThat(http.send("PUT", "/gateways/" + gatewayId + "/", body.toString()).status()).isEqualTo(202);
    }

    static String jwt(String claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    static JsonNode mcp(String token, String message) {
        Http.Response r = http.withHeader("Authorization", "Bearer " + token).post("/gateways/" + gatewayId + "/mcp", message);
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
        return r.body();
    }

    static String call(int id, String tool, int amount) {
        return """
                {"jsonrpc": "2.0", "id": %d, "method": "tools/call", "params": {"name": "%s",
                 "arguments": {"orderId": "1234%d", "amount": %d, "reason": "Defective product"}}}""".formatted(id, tool, 5 + id, amount);
    }

    static ObjectNode authorize(String username, int amount, String... candidates) {
        ObjectNode body = Json.mapper().createObjectNode().put("gatewayArn", gatewayArn).put("action", "RefundTool___process_refund");
        ObjectNode principal = body.putObject("principal").put("type", "OAuthUser").put("id", "user-1");
        principal.putObject("tags").put("username", username);
        body.putObject("input").put("orderId", "1").put("amount", amount);
        var c = body.putArray("candidatePolicies");
        for (String s : candidates) {
            c.add(s);
        }
        return body;
    }

    @Test
    void seedStep4_theGatewayMcpCallIsAllowedAt450AndDeniedAt750() {
        String token = jwt("{\"sub\":\"c0ffee-1234\",\"username\":\"refund-agent\",\"scope\":\"refund:write\"}");

        JsonNode test1 = mcp(token, call(1, "RefundTool__process_refund", 450));
        assertThat(test1.get("id").asInt()).isEqualTo(1);
        assertThat(test1.at("/result/isError").asBoolean()).isFalse();
        assertThat(test1.at("/result/content/0/text").asText()).contains("ALLOWED RefundTool___process_refund").contains(under500);

        JsonNode test2 = mcp(token, call(2, "RefundTool__process_refund", 750));
        assertThat(test2.at("/result/isError").asBoolean()).isTrue();
        assertThat(test2.at("/result/content/0/type").asText()).isEqualTo("text");
        assertThat(test2.at("/result/content/0/text").asText()).isEqualTo("AuthorizeActionException - Tool Execution Denied: "
                + "Tool call not allowed due to policy enforcement [No policy applies to the request (denied by default).]");

        // another user is denied even at $450: the username claim is what the policy reads
        JsonNode other = mcp(jwt("{\"sub\":\"x\",\"username\":\"intern\"}"), call(3, "RefundTool___process_refund", 450));
        assertThat(other.at("/result/isError").asBoolean()).isTrue();
    }

    @Test
    void mcpInitializeAndToolsListShowOnlyWhatTheCallerCouldCall() {
        String agent = jwt("{\"sub\":\"a\",\"username\":\"refund-agent\"}");
        JsonNode init = mcp(agent, "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}");
        assertThat(init.at("/result/protocolVersion").asText()).isEqualTo("2025-06-18");
        assertThat(init.at("/result/capabilities/tools").isObject()).isTrue();
        Http.Response note = http.withHeader("Authorization", "Bearer " + agent)
                .post("/gateways/" + gatewayId + "/mcp", "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        assertThat(note.status()).isEqualTo(202);

        JsonNode agentTools = mcp(agent, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
        assertThat(agentTools.at("/result/tools").findValuesAsText("name")).containsExactly("RefundTool___process_refund");
        assertThat(agentTools.at("/result/tools/0/inputSchema/required").toString()).contains("amount");
        // nobody may look up orders, and an intern may not refund: nothing to list
        JsonNode internTools = mcp(jwt("{\"sub\":\"b\",\"username\":\"intern\"}"), "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
        assertThat(internTools.at("/result/tools")).isEmpty();
    }

    @Test
    void mcpProtocolErrorsAreJsonRpcErrors() {
        String token = jwt("{\"sub\":\"a\",\"username\":\"refund-agent\"}");
        assertThat(mcp(token, "{not json").at("/error/code").asInt()).isEqualTo(-32700);
        assertThat(mcp(token, "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]").at("/error/code").asInt()).isEqualTo(-32600);
        assertThat(mcp(token, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/unknown\"}").at("/error/code").asInt()).isEqualTo(-32601);
        assertThat(mcp(token, call(4, "RefundTool___no_such_tool", 1)).at("/error/code").asInt()).isEqualTo(-32602);
        Http.Response noToken = http.post("/gateways/" + gatewayId + "/mcp", call(5, "RefundTool___process_refund", 1));
        assertThat(noToken.status()).isEqualTo(400);
        assertThat(noToken.errorType()).isEqualTo("ValidationException");
        Http.Response badToken = http.withHeader("Authorization", "Bearer not-a-jwt").post("/gateways/" + gatewayId + "/mcp",
                call(6, "RefundTool___process_refund", 1));
        assertThat(badToken.status()).isEqualTo(400);
    }

    @Test
    void authorizeAnswersTheDecisionTheDeterminingPoliciesAndWhatLogOnlyPoliciesWouldDecide() {
        JsonNode allowed = http.post("/policy-engines/" + engineId + "/authorize", authorize("refund-agent", 450)).body();
        assertThat(allowed.get("decision").asText()).isEqualTo("ALLOW");
        assertThat(allowed.get("determiningPolicies").findValuesAsText("")).isEmpty();
        assertThat(allowed.get("determiningPolicies").get(0).asText()).isEqualTo(under500);
        assertThat(allowed.get("errors")).isEmpty();
        assertThat(allowed.at("/logOnly/decision").asText()).isEqualTo("ALLOW");

        JsonNode denied = http.post("/policy-engines/" + engineId + "/authorize", authorize("refund-agent", 750)).body();
        assertThat(denied.get("decision").asText()).isEqualTo("DENY");
        assertThat(denied.get("determiningPolicies")).isEmpty();

        // a candidate forbid is evaluated as if added, and named candidate-1
        String forbid = "forbid(principal, action == AgentCore::Action::\"RefundTool___process_refund\", resource) "
                + "when { context.input.amount > 400 };";
        JsonNode withCandidate = http.post("/policy-engines/" + engineId + "/authorize", authorize("refund-agent", 450, forbid)).body();
        assertThat(withCandidate.get("decision").asText()).isEqualTo("DENY");
        assertThat(withCandidate.get("determiningPolicies").get(0).asText()).isEqualTo("candidate-1");
    }

    @Test
    void logOnlyPoliciesDoNotDecideButAreReportedAndTheMcpEndpointAllowsInLogOnlyMode() {
        String shutdown = createPolicy("EmergencyShutdown", """
                forbid(principal, action == AgentCore::Action::"RefundTool___process_refund", resource == AgentCore::Gateway::"%s");"""
                .formatted(gatewayArn), "LOG_ONLY");
        try {
            JsonNode r = http.post("/policy-engines/" + engineId + "/authorize", authorize("refund-agent", 450)).body();
            assertThat(r.get("decision").asText()).isEqualTo("ALLOW");
            assertThat(r.at("/logOnly/decision").asText()).isEqualTo("DENY");
            assertThat(r.at("/logOnly/determiningPolicies/0").asText()).isEqualTo(shutdown);

            attach("LOG_ONLY");
            String token = jwt("{\"sub\":\"a\",\"username\":\"refund-agent\"}");
            JsonNode call = mcp(token, call(7, "RefundTool___process_refund", 750));
            assertThat(call.at("/result/isError").asBoolean()).isFalse();
            assertThat(call.at("/result/_meta/policyDecision/decision").asText()).isEqualTo("DENY");
            // LOG_ONLY never blocks, so every tool is listed
            assertThat(mcp(jwt("{\"sub\":\"b\",\"username\":\"intern\"}"), "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}")
                    .at("/result/tools")).hasSize(2);
        } finally {
            attach("ENFORCE");
            http.send("DELETE", "/policy-engines/" + engineId + "/policies/" + shutdown, null);
        }
    }

    @Test
    void aTestRunReportsEachCaseAndTotals() {
        String body = """
                {"gatewayArn": "%s", "cases": [
                  {"name": "agent under 500", "principal": {"id": "u", "tags": {"username": "refund-agent"}},
                   "action": "RefundTool___process_refund", "input": {"orderId": "1", "amount": 450}, "expected": "ALLOW"},
                  {"name": "agent over 500", "principal": {"id": "u", "tags": {"username": "refund-agent"}},
                   "action": "RefundTool__process_refund", "input": {"orderId": "2", "amount": 750}, "expected": "DENY"},
                  {"name": "intern (wrong expectation)", "principal": {"type": "OAuthUser", "id": "i", "tags": {"username": "intern"}},
                   "action": "RefundTool___process_refund", "input": {"orderId": "3", "amount": 10}, "expected": "ALLOW"}
                ]}""".formatted(gatewayArn);
        JsonNode run = http.post("/policy-engines/" + engineId + "/test-runs", body).body();
        assertThat(run.get("passed").asInt()).isEqualTo(2);
        assertThat(run.get("failed").asInt()).isEqualTo(1);
        assertThat(run.get("results").findValuesAsText("name"))
                .containsExactly("agent under 500", "agent over 500", "intern (wrong expectation)");
        assertThat(run.at("/results/0/decision").asText()).isEqualTo("ALLOW");
        assertThat(run.at("/results/0/determiningPolicies/0").asText()).isEqualTo(under500);
        assertThat(run.at("/results/2/passed").asBoolean()).isFalse();
    }

    @Test
    void aSavedRunIsListedWithWhoRanItAndAnUnknownAssetCannotBeAttached() {
        String cases = "\"cases\": [{\"name\": \"agent\", \"principal\": {\"id\": \"u\", \"tags\": {\"username\": \"refund-agent\"}},"
                + "\"action\": \"RefundTool___process_refund\", \"input\": {\"orderId\": \"1\", \"amount\": 10}, \"expected\": \"ALLOW\"}]";
        JsonNode unsaved = http.post("/policy-engines/" + engineId + "/test-runs", "{\"gatewayArn\": \"" + gatewayArn + "\", " + cases + "}").body();
        assertThat(unsaved.has("testRunId")).isFalse();
        JsonNode saved = http.post("/policy-engines/" + engineId + "/test-runs",
                "{\"gatewayArn\": \"" + gatewayArn + "\", \"save\": true, " + cases + "}").body();
        assertThat(saved.get("testRunId").asText()).startsWith("TestRun-");
        assertThat(saved.get("createdBy").asText()).isEqualTo("local");
        JsonNode listed = http.get("/policy-engines/" + engineId + "/test-runs").body();
        assertThat(listed.get("testRuns").findValuesAsText("testRunId")).contains(saved.get("testRunId").asText());
        assertThat(listed.at("/testRuns/0/passed").asInt()).isEqualTo(1);

        Http.Response unknown = http.post("/policy-engines/" + engineId + "/test-runs", "{\"gatewayArn\": \"" + gatewayArn + "\", "
                + "\"attachTo\": {\"policyGenerationId\": \"Nothing-abcdefghij\", \"policyGenerationAssetId\": \"Nothing-abcdefghij\"}, "
                + cases + "}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(http.get("/policy-engines/" + engineId + "/test-runs?policyGenerationId=Nothing-abcdefghij&policyGenerationAssetId=Nothing-abcdefghij")
                .body().get("testRuns")).isEmpty();
    }

    @Test
    void badInputIsAValidationExceptionNamingTheField() {
        String base = "/policy-engines/" + engineId;
        record Bad(String path, String body, String field) {}
        String ok = "\"gatewayArn\":\"" + gatewayArn + "\",\"principal\":{\"id\":\"u\"}";
        String deep = "{\"a\":".repeat(40) + "1" + "}".repeat(40);
        String nested = "permit(principal, action, resource) when { " + "(".repeat(60) + "true" + ")".repeat(60) + " };";
        for (Bad bad : List.of(
                new Bad(base + "/authorize", "{\"principal\":{\"id\":\"u\"},\"action\":\"RefundTool___process_refund\"}", "gatewayArn"),
                new Bad(base + "/authorize", "{" + ok + ",\"action\":\"RefundTool___nothing\"}", "action"),
                new Bad(base + "/authorize", "{" + ok + ",\"action\":\"RefundTool___process_refund\",\"input\":[1]}", "input"),
                new Bad(base + "/authorize", "{" + ok + ",\"action\":\"RefundTool___process_refund\",\"input\":" + deep + "}", "input"),
                new Bad(base + "/authorize", "{\"gatewayArn\":\"" + gatewayArn + "\",\"principal\":{\"id\":\"u\",\"tags\":{\"n\":1}},"
                        + "\"action\":\"RefundTool___process_refund\"}", "principal.tags.n"),
                new Bad(base + "/authorize", "{" + ok + ",\"action\":\"RefundTool___process_refund\",\"candidatePolicies\":[\"permit(\"]}",
                        "candidatePolicies[0]"),
                new Bad(base + "/authorize", "{" + ok + ",\"action\":\"RefundTool___process_refund\",\"candidatePolicies\":[\""
                        + nested.replace("\"", "\\\"") + "\"]}", "candidatePolicies[0]"),
                new Bad(base + "/authorize", "{" + ok + ",\"action\":\"RefundTool___process_refund\",\"candidatePolicies\":[\""
                        + "permit(principal, action, resource); permit(principal, action, resource);\"]}", "candidatePolicies[0]"),
                new Bad(base + "/test-runs", "{\"gatewayArn\":\"" + gatewayArn + "\",\"cases\":[]}", "cases"),
                new Bad(base + "/test-runs", "{\"gatewayArn\":\"" + gatewayArn + "\",\"cases\":[{\"name\":\"a\",\"principal\":{\"id\":\"u\"},"
                        + "\"action\":\"RefundTool___process_refund\",\"expected\":\"MAYBE\"}]}", "cases[0].expected"))) {
            Http.Response r = http.post(bad.path(), bad.body());
            assertThat(r.status()).as(bad.body()).isEqualTo(400);
            assertThat(r.errorType()).isEqualTo("ValidationException");
            assertThat(r.body().at("/fieldList/0/name").asText()).as(bad.body()).isEqualTo(bad.field());
        }
        Http.Response unknownEngine = http.post("/policy-engines/Nothing-abcdefghij/authorize", authorize("refund-agent", 1));
        assertThat(unknownEngine.status()).isEqualTo(404);
        assertThat(unknownEngine.errorType()).isEqualTo("ResourceNotFoundException");
    }
}
