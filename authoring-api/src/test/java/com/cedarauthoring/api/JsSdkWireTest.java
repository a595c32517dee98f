package com.cedarauthoring.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.api.JsSdk.Call;
import com.cedarauthoring.api.JsSdk.Result;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GA AgentCore model through the official AWS SDK for JavaScript v3 (issue 9): the operations and members
 * the Java SDK 2.40.3 (preview model) lacks. One real service on a loopback port; every call goes through
 * {@code @aws-sdk/client-bedrock-agentcore-control} in node ({@link JsSdk}).
 */
class JsSdkWireTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/GatewayRole";
    private static final String KMS = "arn:aws:kms:us-west-2:123456789012:key/12345678-1234-1234-1234-123456789012";
    private static final String RAW_TEXT = "Allow user refund-agent to process refunds when the amount is less than $500. "
            + "Allow refunds when a reason is provided. "
            + "Allow users to check refund status when the amount is reasonable.";

    @TempDir
    static Path dir;
    static Application app;
    static JsSdk js;
    static Http http;
    static String gatewayId;
    static String gatewayArn;
    static String engineId;
    static String engineArn;
    static String policyId;
    static String generationId;

    @BeforeAll
    static void start() {
        app = Application.start(ServiceConfig.local(dir));
        js = new JsSdk(app.port());
        http = new Http(app.port());
        List<Result> setup = ok(js.run(List.of(
                Call.of("CreateGateway", Map.of("name", "refund-gateway", "roleArn", ROLE, "authorizerType", "CUSTOM_JWT")),
                Call.of("CreateGatewayTarget", Map.of("gatewayIdentifier", "$ref:0.gatewayId", "name", "RefundTarget",
                        "targetConfiguration", lambdaTarget())),
                Call.of("CreatePolicyEngine", Map.of("name", "RefundEngine", "description", "refunds",
                        "encryptionKeyArn", KMS, "tags", Map.of("team", "payments"))),
                Call.of("UpdateGateway", Map.of("gatewayIdentifier", "$ref:0.gatewayId", "name", "refund-gateway",
                        "roleArn", ROLE, "authorizerType", "CUSTOM_JWT",
                        "policyEngineConfiguration", Map.of("arn", "$ref:2.policyEngineArn", "mode", "ENFORCE"))))));
        gatewayId = setup.get(0).output().get("gatewayId").asText();
        gatewayArn = setup.get(0).output().get("gatewayArn").asText();
        engineId = setup.get(2).output().get("policyEngineId").asText();
        engineArn = setup.get(2).output().get("policyEngineArn").asText();
        List<Result> more = ok(js.run(List.of(
                Call.of("CreatePolicy", Map.of("policyEngineId", engineId, "name", "RefundUnder500",
                        "description", "small refunds", "definition", Map.of("cedar", Map.of("statement", refundUnder(500))))),
                Call.of("StartPolicyGeneration", Map.of("policyEngineId", engineId, "name", "refund_policy",
                        "resource", Map.of("arn", gatewayArn), "content", Map.of("rawText", RAW_TEXT))))));
        policyId = more.get(0).output().get("policyId").asText();
        generationId = more.get(1).output().get("policyGenerationId").asText();
        assertThat(http.pollUntil("/policy-engines/" + engineId + "/policy-generations/" + generationId,
                b -> !b.path("status").asText().equals("GENERATING"), java.time.Duration.ofSeconds(30))
                .body().path("status").asText()).isEqualTo("GENERATED");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theSixSummaryOperationsCarryMetadataOnly() {
        record Row(String op, Map<String, Object> input, String listMember, Set<String> present, Set<String> absent) {}
        Set<String> engineMembers = Set.of("policyEngineId", "name", "createdAt", "updatedAt", "policyEngineArn", "status",
                "encryptionKeyArn");
        Set<String> policyMembers = Set.of("policyId", "name", "policyEngineId", "createdAt", "updatedAt", "policyArn",
                "status", "enforcementMode");
        Set<String> generationMembers = Set.of("policyEngineId", "policyGenerationId", "name", "policyGenerationArn",
                "resource", "createdAt", "updatedAt", "status", "findings");
        List<Row> table = List.of(
                new Row("GetPolicyEngineSummary", Map.of("policyEngineId", engineId), null, engineMembers,
                        Set.of("description", "statusReasons")),
                new Row("ListPolicyEngineSummaries", Map.of(), "policyEngines", engineMembers,
                        Set.of("description", "statusReasons")),
                new Row("GetPolicySummary", Map.of("policyEngineId", engineId, "policyId", policyId), null, policyMembers,
                        Set.of("definition", "description", "statusReasons")),
                new Row("ListPolicySummaries", Map.of("policyEngineId", engineId, "targetResourceScope", gatewayArn),
                        "policies", policyMembers, Set.of("definition", "description", "statusReasons")),
                new Row("GetPolicyGenerationSummary", Map.of("policyEngineId", engineId, "policyGenerationId", generationId),
                        null, generationMembers, Set.of("statusReasons")),
                new Row("ListPolicyGenerationSummaries", Map.of("policyEngineId", engineId), "policyGenerations",
                        generationMembers, Set.of("statusReasons")));
        List<Result> results = js.run(table.stream().map(r -> Call.of(r.op(), r.input())).toList());
        for (int i = 0; i < table.size(); i++) {
            Row row = table.get(i);
            Result result = results.get(i);
            assertThat(result.ok()).as(row.op() + " " + result.error()).isTrue();
            assertThat(result.status()).as(row.op()).isEqualTo(200);
            JsonNode item = row.listMember() == null ? result.output() : result.output().get(row.listMember()).get(0);
            assertThat(item).as(row.op() + " " + item).isNotNull();
            assertThat(names(item)).as(row.op()).containsAll(row.present()).doesNotContainAnyElementsOf(row.absent());
        }
        assertThat(results.get(0).output().get("encryptionKeyArn").asText()).isEqualTo(KMS);
        assertThat(results.get(2).output().get("enforcementMode").asText()).isEqualTo("ACTIVE");
        assertThat(results.get(4).output().get("findings").asText()).isEqualTo(expectedFindings());
    }

    @Test
    void generationFindingsStringAndTheAmbiguousFindingType() {
        List<Result> r = ok(js.run(List.of(
                Call.of("GetPolicyGeneration", Map.of("policyEngineId", engineId, "policyGenerationId", generationId)),
                Call.of("ListPolicyGenerations", Map.of("policyEngineId", engineId)),
                Call.of("ListPolicyGenerationAssets", Map.of("policyEngineId", engineId, "policyGenerationId", generationId)))));
        assertThat(r.get(0).output().get("findings").asText()).isEqualTo(expectedFindings());
        assertThat(r.get(1).output().get("policyGenerations").get(0).get("findings").asText()).isEqualTo(expectedFindings());
        // The JavaScript SDK's FindingType is a plain string: AMBIGUOUS arrives as it is, with its description.
        List<JsonNode> ambiguous = new ArrayList<>();
        r.get(2).output().get("policyGenerationAssets").forEach(a -> a.get("findings").forEach(f -> {
            if (f.path("type").asText().equals("AMBIGUOUS")) {
                ambiguous.add(f);
            }
        }));
        assertThat(ambiguous).singleElement().satisfies(f -> assertThat(f.path("description").asText()).isNotBlank());
    }

    private static String expectedFindings() {
        return "3 assets: 1 VALID, 1 NOT_TRANSLATABLE, 1 AMBIGUOUS";
    }

    @Test
    void encryptionKeyArnIsStoredAndReturned() {
        Result got = ok(js.call("GetPolicyEngine", Map.of("policyEngineId", engineId)));
        assertThat(got.output().get("encryptionKeyArn").asText()).isEqualTo(KMS);
        assertThat(got.output().get("description").asText()).isEqualTo("refunds");
        // a retry with the same clientToken answers the first engine; other tags with it are a mismatch
        String token = "0d9f8a4e-5c4b-4a39-9f3e-7a1c2b3d4e5f-tags";
        List<Result> retries = js.run(List.of(
                Call.of("CreatePolicyEngine", Map.of("name", "Tagged", "clientToken", token, "tags", Map.of("a", "1"))),
                Call.of("CreatePolicyEngine", Map.of("name", "Tagged", "clientToken", token, "tags", Map.of("a", "1"))),
                Call.of("CreatePolicyEngine", Map.of("name", "Tagged", "clientToken", token, "tags", Map.of("a", "2")))));
        assertThat(ok(retries.get(1)).output().get("policyEngineId")).isEqualTo(ok(retries.get(0)).output().get("policyEngineId"));
        assertThat(retries.get(2).error().get("reason").asText()).isEqualTo("IdempotentParameterMismatchException");
        Result bad = js.call("CreatePolicyEngine", Map.of("name", "BadKey", "encryptionKeyArn", "arn:aws:kms:us-west-2:1:key/x"));
        assertThat(bad.errorName()).isEqualTo("ValidationException");
        assertThat(bad.error().get("fieldList").get(0).get("name").asText()).isEqualTo("encryptionKeyArn");
    }

    @Test
    void updateGatewayIsAFullReplacementAndDetachesTheEngineBeforeItCanBeDeleted() {
        List<Result> r = ok(js.run(List.of(
                Call.of("CreatePolicyEngine", Map.of("name", "DetachEngine", "tags", Map.of("env", "test"))),
                Call.of("CreateGateway", Map.of("name", "detach-gateway", "roleArn", ROLE, "authorizerType", "CUSTOM_JWT",
                        "description", "first", "exceptionLevel", "DEBUG", "tags", Map.of("env", "test"),
                        "policyEngineConfiguration", Map.of("arn", "$ref:0.policyEngineArn", "mode", "LOG_ONLY"))),
                Call.of("CreateGatewayTarget", Map.of("gatewayIdentifier", "$ref:1.gatewayId", "name", "RefundTarget",
                        "description", "refunds", "targetConfiguration", lambdaTarget())))));
        String engine = r.get(0).output().get("policyEngineId").asText();
        String engineArnHere = r.get(0).output().get("policyEngineArn").asText();
        String gateway = r.get(1).output().get("gatewayId").asText();
        String gatewayArnHere = r.get(1).output().get("gatewayArn").asText();
        String target = r.get(2).output().get("targetId").asText();

        List<Result> after = js.run(List.of(
                Call.of("DeletePolicyEngine", Map.of("policyEngineId", engine)),
                // UpdateGateway with only the required members: description, exceptionLevel and the engine are cleared
                Call.of("UpdateGateway", Map.of("gatewayIdentifier", gateway, "name", "detach-gateway", "roleArn", ROLE,
                        "authorizerType", "AUTHENTICATE_ONLY")),
                Call.of("GetGateway", Map.of("gatewayIdentifier", gateway)),
                Call.of("UpdateGatewayTarget", Map.of("gatewayIdentifier", gateway, "targetId", target,
                        "name", "RefundTarget", "targetConfiguration", lambdaTarget())),
                Call.of("GetGatewayTarget", Map.of("gatewayIdentifier", gateway, "targetId", target)),
                Call.of("DeletePolicyEngine", Map.of("policyEngineId", engine)),
                Call.of("ListTagsForResource", Map.of("resourceArn", engineArnHere)),
                Call.of("ListTagsForResource", Map.of("resourceArn", gatewayArnHere)),
                Call.of("DeleteGateway", Map.of("gatewayIdentifier", gateway)),
                Call.of("ListTagsForResource", Map.of("resourceArn", gatewayArnHere))));
        assertThat(after.get(0).errorName()).isEqualTo("ConflictException");
        assertThat(after.get(0).status()).isEqualTo(409);
        assertThat(after.get(0).error().get("message").asText()).contains(gatewayArnHere);
        assertThat(ok(after.get(1)).status()).isEqualTo(202);
        assertThat(names(ok(after.get(2)).output())).doesNotContain("policyEngineConfiguration", "description", "exceptionLevel");
        assertThat(after.get(2).output().get("authorizerType").asText()).isEqualTo("AUTHENTICATE_ONLY");
        assertThat(names(ok(after.get(4)).output())).doesNotContain("description");
        assertThat(ok(after.get(5)).output().get("status").asText()).isEqualTo("DELETING");
        assertThat(after.get(6).errorName()).isEqualTo("ResourceNotFoundException");
        assertThat(ok(after.get(7)).output().get("tags")).isEqualTo(JsSdkWireTest.json(Map.of("env", "test")));
        ok(after.get(8));
        assertThat(after.get(9).errorName()).isEqualTo("ResourceNotFoundException");
        assertThat(app.database().jdbc().queryOne("SELECT COUNT(*) FROM resource_tags WHERE resource_arn IN (?, ?)",
                rs -> rs.getInt(1), engineArnHere, gatewayArnHere)).contains(0);
    }

    @Test
    void tagsOnGatewaysAndPolicyEnginesWithAwsLimits() {
        List<Result> r = ok(js.run(List.of(
                Call.of("TagResource", Map.of("resourceArn", gatewayArn, "tags", Map.of("team", "payments", "cost center", "42"))),
                Call.of("TagResource", Map.of("resourceArn", engineArn, "tags", Map.of("env", "prod"))),
                Call.of("UntagResource", Map.of("resourceArn", engineArn, "tagKeys", List.of("team"))),
                Call.of("ListTagsForResource", Map.of("resourceArn", gatewayArn)),
                Call.of("ListTagsForResource", Map.of("resourceArn", engineArn)))));
        assertThat(r.get(0).status()).isEqualTo(204);
        assertThat(r.get(3).output().get("tags")).isEqualTo(json(Map.of("team", "payments", "cost center", "42")));
        assertThat(r.get(4).output().get("tags")).isEqualTo(json(Map.of("env", "prod")));

        Map<String, String> fiftyOne = new LinkedHashMap<>();
        for (int i = 0; i < 51; i++) {
            fiftyOne.put("k" + i, "v");
        }
        record Bad(String why, Call call, String error) {}
        List<Bad> table = List.of(
                new Bad("key too long", Call.of("TagResource", Map.of("resourceArn", gatewayArn, "tags",
                        Map.of("k".repeat(129), "v"))), "ValidationException"),
                new Bad("value too long", Call.of("TagResource", Map.of("resourceArn", gatewayArn, "tags",
                        Map.of("k", "v".repeat(257)))), "ValidationException"),
                new Bad("key characters", Call.of("TagResource", Map.of("resourceArn", gatewayArn, "tags",
                        Map.of("a*b", "v"))), "ValidationException"),
                new Bad("aws: prefix", Call.of("TagResource", Map.of("resourceArn", gatewayArn, "tags",
                        Map.of("aws:owner", "v"))), "ValidationException"),
                new Bad("51 tags", Call.of("TagResource", Map.of("resourceArn", gatewayArn, "tags", fiftyOne)),
                        "ValidationException"),
                new Bad("51 tags on create", Call.of("CreatePolicyEngine", Map.of("name", "TooManyTags", "tags", fiftyOne)),
                        "ValidationException"),
                new Bad("not a taggable ARN", Call.of("TagResource", Map.of("resourceArn",
                        "arn:aws:iam::123456789012:role/GatewayRole", "tags", Map.of("k", "v"))), "ValidationException"),
                new Bad("missing gateway", Call.of("ListTagsForResource", Map.of("resourceArn",
                        "arn:aws:bedrock-agentcore:us-west-2:123456789012:gateway/missing-abcdefghij")),
                        "ResourceNotFoundException"));
        List<Result> results = js.run(table.stream().map(Bad::call).toList());
        for (int i = 0; i < table.size(); i++) {
            assertThat(results.get(i).errorName()).as(table.get(i).why() + " " + results.get(i).error())
                    .isEqualTo(table.get(i).error());
        }
        // nothing was written by a refused request
        assertThat(ok(js.call("ListTagsForResource", Map.of("resourceArn", gatewayArn))).output().get("tags"))
                .isEqualTo(json(Map.of("team", "payments", "cost center", "42")));
        assertThat(ok(js.call("ListPolicyEngines", Map.of())).output().toString()).doesNotContain("TooManyTags");
    }

    @Test
    void targetsWithoutToolSchemasAreStoredAndListedWithTheirType() {
        Map<String, Object> runtime = Map.of("http", Map.of("agentcoreRuntime", Map.of(
                "arn", "arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/agent-abcdefghij")));
        Map<String, Object> mcpServer = Map.of("mcp", Map.of("mcpServer", Map.of("endpoint", "https://mcp.example.com/mcp")));
        List<Result> r = ok(js.run(List.of(
                Call.of("CreateGateway", Map.of("name", "mixed-gateway", "roleArn", ROLE, "authorizerType", "AUTHENTICATE_ONLY")),
                Call.of("CreateGatewayTarget", Map.of("gatewayIdentifier", "$ref:0.gatewayId", "name", "RefundTarget",
                        "targetConfiguration", lambdaTarget())),
                Call.of("CreateGatewayTarget", Map.of("gatewayIdentifier", "$ref:0.gatewayId", "name", "AgentRuntime",
                        "description", "an agent", "targetConfiguration", runtime)),
                Call.of("CreateGatewayTarget", Map.of("gatewayIdentifier", "$ref:0.gatewayId", "name", "RemoteMcp",
                        "targetConfiguration", mcpServer)),
                Call.of("ListGatewayTargets", Map.of("gatewayIdentifier", "$ref:0.gatewayId")),
                Call.of("GetGatewayTarget", Map.of("gatewayIdentifier", "$ref:0.gatewayId", "targetId", "$ref:2.targetId")))));
        assertThat(r.get(0).output().get("authorizerType").asText()).isEqualTo("AUTHENTICATE_ONLY");
        Map<String, String> types = new LinkedHashMap<>();
        r.get(4).output().get("items").forEach(t -> types.put(t.get("name").asText(), t.path("targetType").asText()));
        assertThat(types).containsExactly(Map.entry("RefundTarget", "LAMBDA"), Map.entry("AgentRuntime", "AGENTCORE_RUNTIME"),
                Map.entry("RemoteMcp", "MCP_SERVER"));
        assertThat(r.get(4).output().get("items").get(1).get("description").asText()).isEqualTo("an agent");
        assertThat(r.get(5).output().at("/targetConfiguration/http/agentcoreRuntime/arn").asText())
                .endsWith("runtime/agent-abcdefghij");
        // they contribute no actions: the schema has the lambda tools only
        String cedar = http.get("/gateways/" + r.get(0).output().get("gatewayId").asText() + "/schema").body()
                .get("cedar").asText();
        assertThat(cedar).contains("RefundTarget___process_refund").doesNotContain("AgentRuntime___").doesNotContain("RemoteMcp___");
    }

    @Test
    void thePolicyMemberIsAcceptedWhereverADefinitionIsRead() {
        List<Result> assets = ok(js.run(List.of(Call.of("ListPolicyGenerationAssets",
                Map.of("policyEngineId", engineId, "policyGenerationId", generationId)))));
        String validAsset = null;
        for (JsonNode a : assets.get(0).output().get("policyGenerationAssets")) {
            if (a.get("findings").get(0).get("type").asText().equals("VALID")) {
                validAsset = a.get("policyGenerationAssetId").asText();
                assertThat(a.at("/definition/cedar/statement").asText()).contains("RefundTarget___process_refund");
            }
        }
        List<Result> r = ok(js.run(List.of(
                Call.of("CreatePolicy", Map.of("policyEngineId", engineId, "name", "PolicyMember",
                        "definition", Map.of("policy", Map.of("statement", refundUnder(300))))),
                Call.of("GetPolicy", Map.of("policyEngineId", engineId, "policyId", "$ref:0.policyId")),
                Call.of("UpdatePolicy", Map.of("policyEngineId", engineId, "policyId", "$ref:0.policyId",
                        "definition", Map.of("policy", Map.of("statement", refundUnder(200))))),
                Call.of("GetPolicy", Map.of("policyEngineId", engineId, "policyId", "$ref:0.policyId")),
                Call.of("CreatePolicy", Map.of("policyEngineId", engineId, "name", "FromAsset",
                        "definition", Map.of("policyGeneration", Map.of("policyGenerationId", generationId,
                                "policyGenerationAssetId", validAsset)))),
                Call.of("GetPolicy", Map.of("policyEngineId", engineId, "policyId", "$ref:4.policyId")))));
        assertThat(r.get(1).output().at("/definition/policy/statement").asText()).isEqualTo(refundUnder(300));
        assertThat(r.get(1).output().get("status").asText()).isEqualTo("ACTIVE");
        assertThat(r.get(3).output().at("/definition/policy/statement").asText()).isEqualTo(refundUnder(200));
        assertThat(r.get(5).output().at("/definition/cedar/statement").asText()).contains("RefundTarget___process_refund");
        assertThat(r.get(5).output().get("status").asText()).isEqualTo("ACTIVE");
    }

    // ---- helpers ----

    static JsonNode json(Object value) {
        return com.cedarauthoring.json.Json.mapper().valueToTree(value);
    }

    static String refundUnder(int amount) {
        return "permit(principal is AgentCore::OAuthUser, action == AgentCore::Action::\"RefundTarget___process_refund\","
                + " resource == AgentCore::Gateway::\"" + gatewayArn + "\") when { context.input.amount < " + amount + " };";
    }

    static Map<String, Object> lambdaTarget() {
        Map<String, Object> refund = Map.of("name", "process_refund", "description", "Process customer refund",
                "inputSchema", Map.of("type", "object", "properties", Map.of(
                        "orderId", Map.of("type", "string"), "amount", Map.of("type", "integer"),
                        "reason", Map.of("type", "string")), "required", List.of("orderId", "amount")));
        Map<String, Object> status = Map.of("name", "check_refund_status", "description", "Check the status of a refund",
                "inputSchema", Map.of("type", "object", "properties", Map.of("orderId", Map.of("type", "string")),
                        "required", List.of("orderId")));
        return Map.of("mcp", Map.of("lambda", Map.of("lambdaArn", "arn:aws:lambda:us-west-2:123456789012:function:refund",
                "toolSchema", Map.of("inlinePayload", List.of(refund, status)))));
    }

    static Set<String> names(JsonNode node) {
        Set<String> out = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    static Result ok(Result r) {
        assertThat(r.ok()).as("SDK call failed: " + r.error()).isTrue();
        return r;
    }

    static List<Result> ok(List<Result> results) {
        results.forEach(JsSdkWireTest::ok);
        return results;
    }
}
