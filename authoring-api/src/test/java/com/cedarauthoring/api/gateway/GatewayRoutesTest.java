package com.cedarauthoring.api.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.api.Application;
import com.cedarauthoring.api.ServiceConfig;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayRoutesTest {
    @TempDir
    static Path dataDir;
    static Application app;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        app = Application.start(ServiceConfig.local(dataDir));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    record Response(int status, JsonNode body, String raw, String errorType) {}

    static Response call(String method, String path, String body) throws Exception {
        return call(method, path, body, "application/json");
    }

    static Response call(String method, String path, String body, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .header("Accept", accept)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.replace('\'', '"')));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode node = null;
        if (r.headers().firstValue("Content-Type").orElse("").contains("json") && !r.body().isEmpty()) {
            node = Json.mapper().readTree(r.body());
        }
        return new Response(r.statusCode(), node, r.body(), r.headers().firstValue("x-amzn-ErrorType").orElse(null));
    }

    static String createGateway(String name, String authorizer) throws Exception {
        Response r = call("POST", "/gateways/", "{'name':'" + name + "','roleArn':'arn:aws:iam::123456789012:role/GatewayRole',"
                + "'authorizerType':'" + authorizer + "','protocolType':'MCP','authorizerConfiguration':{'customJWTAuthorizer':"
                + "{'discoveryUrl':'https://idp.example.com/.well-known/openid-configuration','allowedClients':['abc']}}}");
        assertThat(r.status()).as(r.raw()).isEqualTo(202);
        return r.body().get("gatewayId").asText();
    }

    static String refundTarget(String name, String extraProperty) {
        return "{'name':'" + name + "','description':'refunds','targetConfiguration':{'mcp':{'lambda':{"
                + "'lambdaArn':'arn:aws:lambda:us-west-2:123456789012:function:refund','toolSchema':{'inlinePayload':["
                + "{'name':'process_refund','description':'Process a refund','inputSchema':{'type':'object','properties':{"
                + "'orderId':{'type':'string'},'amount':{'type':'integer'}" + extraProperty + "},'required':['orderId','amount']}}]}}}},"
                + "'credentialProviderConfigurations':[{'credentialProviderType':'GATEWAY_IAM_ROLE'}]}";
    }

    @Test
    void gatewayLifecycleEchoesMembersAndFollowsAgentCoreShapes() throws Exception {
        Response created = call("POST", "/gateways/", "{'name':'refund-gateway','description':'Refunds',"
                + "'roleArn':'arn:aws:iam::123456789012:role/GatewayRole','authorizerType':'CUSTOM_JWT',"
                + "'authorizerConfiguration':{'customJWTAuthorizer':{'discoveryUrl':'https://idp.example.com/.well-known/openid-configuration'}},"
                + "'clientToken':'0d9f8a4e-5c4b-4a39-9f3e-7a1c2b3d4e5f','tags':{'team':'payments'},'notInTheModel':{'x':1}}");
        assertThat(created.status()).isEqualTo(202);
        JsonNode g = created.body();
        String id = g.get("gatewayId").asText();
        assertThat(id).matches("refund-gateway-[a-z0-9]{10}");
        assertThat(g.get("gatewayArn").asText()).isEqualTo("arn:aws:bedrock-agentcore:us-west-2:123456789012:gateway/" + id);
        assertThat(g.get("gatewayUrl").asText()).startsWith("https://" + id + ".gateway.bedrock-agentcore.us-west-2.amazonaws.com");
        assertThat(g.get("status").asText()).isEqualTo("READY");
        assertThat(g.get("protocolType").asText()).isEqualTo("MCP");
        assertThat(g.path("authorizerConfiguration").path("customJWTAuthorizer").path("discoveryUrl").asText())
                .startsWith("https://idp.example.com");
        assertThat(g.has("clientToken")).isFalse();
        assertThat(g.has("notInTheModel")).as("unknown input members are ignored").isFalse();
        assertThat(g.has("tags")).as("tags are listed with ListTagsForResource, not echoed").isFalse();
        assertThat(call("GET", "/tags/" + java.net.URLEncoder.encode(g.get("gatewayArn").asText(),
                java.nio.charset.StandardCharsets.UTF_8), null).body().path("tags").path("team").asText()).isEqualTo("payments");
        assertThat(g.get("createdAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");

        Response got = call("GET", "/gateways/" + id + "/", null);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(g);

        String engineArn = call("POST", "/policy-engines", "{'name':'RefundEngine'}").body().get("policyEngineArn").asText();
        Response updated = call("PUT", "/gateways/" + id + "/", "{'name':'refund-gateway','roleArn':'arn:aws:iam::123456789012:role/GatewayRole',"
                + "'authorizerType':'CUSTOM_JWT','description':{'optionalValue':'Refunds v2'},"
                + "'policyEngineConfiguration':{'arn':'" + engineArn + "','mode':'ENFORCE'}}");
        assertThat(updated.status()).as(updated.raw()).isEqualTo(202);
        assertThat(updated.body().get("description").asText()).isEqualTo("Refunds v2");
        assertThat(updated.body().path("policyEngineConfiguration").path("mode").asText()).isEqualTo("ENFORCE");
        assertThat(updated.body().has("authorizerConfiguration")).as("PUT replaces: omitted members are cleared").isFalse();
        assertThat(app.gatewayDirectory().schemasAttachedTo(engineArn))
                .extracting(GatewaySchema::gatewayArn).containsExactly(g.get("gatewayArn").asText());

        Response detached = call("PATCH", "/gateways/" + id, "{'policyEngineConfiguration':null,'unknownMember':2}");
        assertThat(detached.status()).isEqualTo(202);
        assertThat(detached.body().has("policyEngineConfiguration")).isFalse();
        assertThat(detached.body().get("description").asText()).as("PATCH merges: omitted members are kept")
                .isEqualTo("Refunds v2");
        assertThat(detached.body().has("unknownMember")).isFalse();
        assertThat(app.gatewayDirectory().schemasAttachedTo(engineArn)).isEmpty();

        Response deleted = call("DELETE", "/gateways/" + id + "/", null);
        assertThat(deleted.status()).isEqualTo(202);
        assertThat(deleted.body().get("status").asText()).isEqualTo("DELETING");
        Response gone = call("GET", "/gateways/" + id + "/", null);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.errorType()).isEqualTo("ResourceNotFoundException");
    }

    @Test
    void listGatewaysPaginatesWithOpaqueTokens() throws Exception {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(createGateway("page-gw-" + i, "AWS_IAM"));
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Response page = call("GET", "/gateways/?maxResults=2" + (token == null ? "" : "&nextToken=" + token), null);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body().get("items").size()).isLessThanOrEqualTo(2);
            page.body().get("items").forEach(item -> {
                seen.add(item.get("gatewayId").asText());
                assertThat(item.has("name") && item.has("status") && item.has("authorizerType") && item.has("createdAt")).isTrue();
            });
            token = page.body().has("nextToken") ? page.body().get("nextToken").asText() : null;
            pages++;
        } while (token != null && pages < 100);
        assertThat(seen).containsAll(mine).doesNotHaveDuplicates();
        assertThat(call("GET", "/gateways/?maxResults=0", null).status()).isEqualTo(400);
        assertThat(call("GET", "/gateways/?nextToken=garbage", null).status()).isEqualTo(400);
    }

    @Test
    void targetsLifecycleAndSchemaIsRederivedAfterEveryChange() throws Exception {
        String gw = createGateway("schema-gw", "CUSTOM_JWT");
        Response empty = call("GET", "/gateways/" + gw + "/schema", null);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body().get("cedar").asText()).contains("action \"CallTool\";").doesNotContain("___");

        Response created = call("POST", "/gateways/" + gw + "/targets/", refundTarget("RefundTarget", ""));
        assertThat(created.status()).as(created.raw()).isEqualTo(202);
        String targetId = created.body().get("targetId").asText();
        assertThat(targetId).matches("[0-9A-Z]{10}");
        assertThat(created.body().get("status").asText()).isEqualTo("READY");
        assertThat(created.body().path("targetConfiguration").path("mcp").path("lambda").path("lambdaArn").asText())
                .endsWith("function:refund");
        assertThat(created.body().get("gatewayArn").asText()).endsWith("gateway/" + gw);

        Response schema = call("GET", "/gateways/" + gw + "/schema", null);
        assertThat(schema.body().get("cedar").asText()).contains(
                "action \"RefundTarget___process_refund\" in [\"RefundTarget\"] appliesTo {",
                "context: { \"input\": {\"orderId\": String, \"amount\": Long} }");
        assertThat(schema.body().path("json").path("AgentCore").path("actions").has("RefundTarget___process_refund")).isTrue();
        Response text = call("GET", "/gateways/" + gw + "/schema", null, "text/plain");
        assertThat(text.raw()).startsWith("namespace AgentCore {").isEqualTo(schema.body().get("cedar").asText());

        Response updated = call("PUT", "/gateways/" + gw + "/targets/" + targetId + "/",
                refundTarget("RefundTarget", ",'reason':{'type':'string'}"));
        assertThat(updated.status()).as(updated.raw()).isEqualTo(202);
        assertThat(call("GET", "/gateways/" + gw + "/schema", null).body().get("cedar").asText())
                .contains("\"reason\"?: String");
        assertThat(app.gatewayDirectory().schemaByArn(created.body().get("gatewayArn").asText()).orElseThrow()
                .action("RefundTarget___process_refund").orElseThrow().input().attribute("reason")).isPresent();

        String openApi = "{'openapi':'3.0.0','paths':{'/o/{id}':{'get':{'operationId':'get_order',"
                + "'parameters':[{'name':'id','in':'path','schema':{'type':'string'}}]}}}}";
        com.fasterxml.jackson.databind.node.ObjectNode orders = Json.mapper().createObjectNode().put("name", "Orders");
        orders.putObject("targetConfiguration").putObject("mcp").putObject("openApiSchema")
                .put("inlinePayload", openApi.replace('\'', '"'));
        Response second = call("POST", "/gateways/" + gw + "/targets/", orders.toString());
        assertThat(second.status()).as(second.raw()).isEqualTo(202);
        Response list = call("GET", "/gateways/" + gw + "/targets/?maxResults=1", null);
        assertThat(list.body().get("items")).hasSize(1);
        assertThat(list.body().get("items").get(0).get("targetId").asText()).isEqualTo(targetId);
        String token = list.body().get("nextToken").asText();
        Response next = call("GET", "/gateways/" + gw + "/targets/?maxResults=1&nextToken=" + token, null);
        assertThat(next.body().get("items").get(0).get("name").asText()).isEqualTo("Orders");
        assertThat(next.body().has("nextToken")).isFalse();
        assertThat(call("GET", "/gateways/" + gw + "/schema", null).body().get("cedar").asText())
                .contains("action \"Orders___get_order\" in [\"Orders\"]", "{\"id\": String}");
        // the tools behind the actions, with the input schema each was derived from (the console's try-it forms)
        JsonNode tools = call("GET", "/gateways/" + gw + "/schema", null).body().get("tools");
        assertThat(tools.findValuesAsText("action")).containsExactly("RefundTarget___process_refund", "Orders___get_order");
        JsonNode getOrder = tools.get(1);
        assertThat(getOrder.get("targetName").asText()).isEqualTo("Orders");
        assertThat(getOrder.get("name").asText()).isEqualTo("get_order");
        assertThat(getOrder.at("/inputSchema/properties/id/type").asText()).isEqualTo("string");
        assertThat(getOrder.at("/inputSchema/required/0").asText()).isEqualTo("id");

        assertThat(call("GET", "/gateways/" + gw + "/targets/" + targetId, null).body().get("name").asText())
                .isEqualTo("RefundTarget");
        Response iam = call("PATCH", "/gateways/" + gw, "{'authorizerType':'AWS_IAM'}");
        assertThat(iam.status()).as(iam.raw()).isEqualTo(202);
        assertThat(call("GET", "/gateways/" + gw + "/schema", null).body().get("cedar").asText())
                .contains("principal: [IamEntity]").doesNotContain("principal: [OAuthUser]");
        Response deleted = call("DELETE", "/gateways/" + gw + "/targets/" + targetId + "/", null);
        assertThat(deleted.status()).isEqualTo(202);
        assertThat(deleted.body().get("status").asText()).isEqualTo("DELETING");
        assertThat(call("GET", "/gateways/" + gw + "/targets/" + targetId, null).status()).isEqualTo(404);
        assertThat(call("GET", "/gateways/" + gw + "/schema", null).body().get("cedar").asText())
                .doesNotContain("RefundTarget").contains("Orders___get_order");
    }

    @Test
    void duplicateToolsAndNamesAreConflicts() throws Exception {
        String gw = createGateway("dup-gw", "CUSTOM_JWT");
        assertThat(call("POST", "/gateways/" + gw + "/targets/", refundTarget("RefundTarget", "")).status()).isEqualTo(202);
        Response sameTarget = call("POST", "/gateways/" + gw + "/targets/", refundTarget("RefundTarget", ""));
        assertThat(sameTarget.status()).isEqualTo(409);
        assertThat(sameTarget.errorType()).isEqualTo("ConflictException");
        Response dupTool = call("POST", "/gateways/" + gw + "/targets/", "{'name':'Other','targetConfiguration':{'mcp':{'lambda':"
                + "{'toolSchema':{'inlinePayload':[{'name':'a','inputSchema':{'type':'object'}},{'name':'a'}]}}}}}");
        assertThat(dupTool.status()).isEqualTo(409);
        assertThat(dupTool.body().get("message").asText()).contains("Other___a");
        Response dupGateway = call("POST", "/gateways/", "{'name':'dup-gw','roleArn':'arn:aws:iam::123456789012:role/R',"
                + "'authorizerType':'NONE'}");
        assertThat(dupGateway.status()).isEqualTo(409);
        assertThat(call("GET", "/gateways/" + gw + "/targets/", null).body().get("items")).hasSize(1);
    }

    @Test
    void clientTokenMakesCreatesIdempotent() throws Exception {
        String body = "{'name':'idem-gw','roleArn':'arn:aws:iam::123456789012:role/R','authorizerType':'NONE',"
                + "'clientToken':'11111111-2222-3333-4444-555555555555','description':{},'kmsKeyArn':null}";
        Response first = call("POST", "/gateways/", body);
        Response again = call("POST", "/gateways/", body);
        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.body().get("gatewayId")).isEqualTo(first.body().get("gatewayId"));
        assertThat(first.body().has("description") || first.body().has("kmsKeyArn")).isFalse();
        Response mismatch = call("POST", "/gateways/", body.replace("idem-gw", "idem-gw-2"));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.body().get("reason").asText()).isEqualTo("IdempotentParameterMismatchException");

        String gw = first.body().get("gatewayId").asText();
        String target = refundTarget("Idem", "").replace("{'name'", "{'clientToken':'aaaaaaaa-2222-3333-4444-555555555555','name'");
        Response t1 = call("POST", "/gateways/" + gw + "/targets/", target);
        Response t2 = call("POST", "/gateways/" + gw + "/targets/", target);
        assertThat(t1.status()).as(t1.raw()).isEqualTo(202);
        assertThat(t2.body().get("targetId")).isEqualTo(t1.body().get("targetId"));
        assertThat(call("POST", "/gateways/" + gw + "/targets/", target.replace("'Idem'", "'Idem2'")).body().get("reason").asText())
                .isEqualTo("IdempotentParameterMismatchException");
        assertThat(call("GET", "/gateways/" + gw + "/targets/", null).body().get("items")).hasSize(1);
    }

    @Test
    void badInputGetsAgentCoreErrors() throws Exception {
        String gw = createGateway("bad-input-gw", "CUSTOM_JWT");
        String role = "'roleArn':'arn:aws:iam::123456789012:role/R'";
        Object[][] cases = {
                {"POST", "/gateways/", "{not json", 400, "body"},
                {"POST", "/gateways/", "{" + role + ",'authorizerType':'CUSTOM_JWT'}", 400, "name"},
                {"POST", "/gateways/", "{'name':'bad_name'," + role + ",'authorizerType':'CUSTOM_JWT'}", 400, "name"},
                {"POST", "/gateways/", "{'name':'ok-gw-1','authorizerType':'CUSTOM_JWT'}", 400, "roleArn"},
                {"POST", "/gateways/", "{'name':'ok-gw-2'," + role + "}", 400, "authorizerType"},
                {"POST", "/gateways/", "{'name':'ok-gw-3'," + role + ",'authorizerType':'OAUTH'}", 400, "authorizerType"},
                {"POST", "/gateways/", "{'name':42," + role + ",'authorizerType':'NONE'}", 400, "name"},
                {"POST", "/gateways/", "{'name':'ok-gw-4'," + role + ",'authorizerType':'NONE','description':''}", 400, "description"},
                {"POST", "/gateways/", "{'name':'ok-gw-5'," + role + ",'authorizerType':'NONE','clientToken':'short'}", 400, "clientToken"},
                {"POST", "/gateways/", "{'name':'ok-gw-6','roleArn':'not-an-arn','authorizerType':'NONE'}", 400, "roleArn"},
                {"POST", "/gateways/", "[1,2]", 400, "body"},
                {"PATCH", "/gateways/" + gw, "{'policyEngineConfiguration':{'arn':'nope','mode':'ENFORCE'}}", 400,
                        "policyEngineConfiguration.arn"},
                {"PATCH", "/gateways/" + gw, "{'policyEngineConfiguration':{'arn':'arn:aws:bedrock-agentcore:us-west-2:123456789012:"
                        + "policy-engine/E-abcdefghij','mode':'STRICT'}}", 400, "policyEngineConfiguration.mode"},
                {"GET", "/gateways/no-such-gateway-abcdefghij", null, 404, null},
                {"PUT", "/gateways/no-such-gateway-abcdefghij", "{}", 404, null},
                {"DELETE", "/gateways/no-such-gateway-abcdefghij", null, 404, null},
                {"GET", "/gateways/no-such-gateway-abcdefghij/schema", null, 404, null},
                {"POST", "/gateways/no-such-gateway-abcdefghij/targets/", refundTarget("T", ""), 404, null},
                {"GET", "/gateways/" + gw + "/targets/ABCDEFGHIJ", null, 404, null},
                {"POST", "/gateways/" + gw + "/targets/", refundTarget("bad_target", ""), 400, "name"},
                {"POST", "/gateways/" + gw + "/targets/", refundTarget("CallTool", ""), 400, "name"},
                {"POST", "/gateways/" + gw + "/targets/", "{'name':'T1'}", 400, "targetConfiguration"},
                {"POST", "/gateways/" + gw + "/targets/", "{'name':'T2','targetConfiguration':'x'}", 400, "targetConfiguration"},
                {"POST", "/gateways/" + gw + "/targets/", "{'name':'T3','targetConfiguration':{'mcp':{},'http':{}}}", 400,
                        "targetConfiguration"},
                {"POST", "/gateways/" + gw + "/targets/", "{'name':'T4','targetConfiguration':{'http':{'unknownKind':{}}}}", 400,
                        "targetConfiguration.http"},
                {"PUT", "/gateways/" + gw, "{'name':'ok-gw-7'," + role + "}", 400, "authorizerType"},
                {"POST", "/tags/" + java.net.URLEncoder.encode("arn:aws:bedrock-agentcore:us-west-2:123456789012:gateway/" + gw,
                        java.nio.charset.StandardCharsets.UTF_8), "{'tags':{'k':42}}", 400, "tags.k"},
                {"POST", "/tags/" + java.net.URLEncoder.encode("arn:aws:bedrock-agentcore:us-west-2:123456789012:gateway/" + gw,
                        java.nio.charset.StandardCharsets.UTF_8), "{}", 400, "tags"},
                {"DELETE", "/tags/" + java.net.URLEncoder.encode("arn:aws:bedrock-agentcore:us-west-2:123456789012:gateway/" + gw,
                        java.nio.charset.StandardCharsets.UTF_8), null, 400, "tagKeys"},
                {"POST", "/gateways/" + gw + "/targets/", "{'name':'T3','targetConfiguration':{'mcp':{'lambda':{'toolSchema':"
                        + "{'inlinePayload':[{'name':'has space'}]}}}}}", 400,
                        "targetConfiguration.mcp.lambda.toolSchema.inlinePayload[0].name"},
                {"POST", "/gateways/" + gw + "/targets/", "{'name':'T4','targetConfiguration':{'mcp':{'lambda':{'toolSchema':"
                        + "{'inlinePayload':[{'name':'t','inputSchema':{'type':'object','properties':{'x':{'type':'date'}}}}]}}}}}",
                        400, "inputSchema"},
                {"POST", "/gateways/" + gw + "/targets/", "{'name':'T5','targetConfiguration':{'mcp':{'openApiSchema':"
                        + "{'inlinePayload':'not json'}}}}", 400, "targetConfiguration.mcp.openApiSchema.inlinePayload"},
        };
        for (Object[] c : cases) {
            Response r = call((String) c[0], (String) c[1], (String) c[2]);
            assertThat(r.status()).as(c[0] + " " + c[1] + " " + c[2] + " -> " + r.raw()).isEqualTo(c[3]);
            assertThat(r.errorType()).as(r.raw()).isEqualTo((int) c[3] == 400 ? "ValidationException" : "ResourceNotFoundException");
            if (c[4] != null) {
                if (r.body().has("fieldList")) {
                    assertThat(r.body().get("fieldList").get(0).get("name").asText()).as(r.raw()).isEqualTo(c[4]);
                } else {
                    assertThat(r.body().get("reason").asText()).isEqualTo("CannotParse");
                }
            }
        }
        assertThat(call("GET", "/gateways/" + gw + "/targets/", null).body().get("items")).isEmpty();
    }
}
