package com.cedarauthoring.api.policy;

import com.cedarauthoring.api.Http;
import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.api.Application;
import com.cedarauthoring.api.ServiceConfig;
import com.cedarauthoring.api.http.RequestBody;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad request gets the right AgentCore error (status, {@code x-amzn-ErrorType}, reason, fieldList),
 * never a 500, and leaves stored state exactly as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
    static final String TOKEN = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
    static final String GOOD = "permit(principal, action, resource == AgentCore::Gateway::"
            + "\"arn:aws:bedrock-agentcore:us-west-2:123456789012:gateway/refund-abcdefghij\");";
    static final String UNKNOWN_ENGINE = "/policy-engines/Unknown_engine-abcdefghij";

    /**
     * One bad request. Paths and bodies may use {E} (the engine id) and {P} (the policy id).
     *
     * @param reason null when the error carries none; field null when no fieldList is expected
     */
    record Case(String name, String method, String path, String body, int status, String errorType, String reason,
                String field, String messageContains) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case bad(String name, String method, String path, String body, String field, String messageContains) {
        return new Case(name, method, path, body, 400, "ValidationException", "FieldValidationFailed", field, messageContains);
    }

    static Case unparsable(String name, String method, String path, String body) {
        return new Case(name, method, path, body, 400, "ValidationException", "CannotParse", null, null);
    }

    static Case notFound(String name, String method, String path, String body) {
        return new Case(name, method, path, body, 404, "ResourceNotFoundException", null, null, null);
    }

    static Case conflict(String name, String method, String path, String body) {
        return new Case(name, method, path, body, 409, "ConflictException", null, null, null);
    }

    static String policy(String name, String statement) {
        return Http.json(Map.of("name", name, "definition", Map.of("cedar", Map.of("statement", statement))));
    }

    static Stream<Case> cases() {
        String policies = "/policy-engines/{E}/policies";
        String onePolicy = policies + "/{P}";
        return Stream.of(
                // CreatePolicyEngine
                unparsable("malformed JSON", "POST", "/policy-engines", "{\"name\": "),
                unparsable("body is an array", "POST", "/policy-engines", "[\"name\"]"),
                unparsable("body is a string", "POST", "/policy-engines", "\"Engine\""),
                bad("name is a number", "POST", "/policy-engines", "{\"name\": 5}", "name", "must be a string"),
                bad("name missing", "POST", "/policy-engines", "{\"description\": \"d\"}", "name", "must not be null"),
                bad("name with hyphens", "POST", "/policy-engines", "{\"name\": \"refund-policy-v1\"}", "name",
                        "^[A-Za-z][A-Za-z0-9_]*$"),
                bad("name over 48 chars", "POST", "/policy-engines", "{\"name\": \"" + "N".repeat(49) + "\"}", "name", "48"),
                bad("name empty", "POST", "/policy-engines", "{\"name\": \"\"}", "name", "48"),
                bad("description empty", "POST", "/policy-engines", "{\"name\": \"X\", \"description\": \"\"}",
                        "description", "4096"),
                bad("description too long", "POST", "/policy-engines",
                        "{\"name\": \"X\", \"description\": \"" + "d".repeat(4097) + "\"}", "description", "4096"),
                bad("description is an object", "POST", "/policy-engines", "{\"name\": \"X\", \"description\": {}}",
                        "description", "must be a string"),
                bad("clientToken too short", "POST", "/policy-engines", "{\"name\": \"X\", \"clientToken\": \"abc\"}",
                        "clientToken", "33"),
                bad("clientToken bad characters", "POST", "/policy-engines",
                        "{\"name\": \"X\", \"clientToken\": \"" + "a".repeat(40) + "_!\"}", "clientToken", "pattern"),
                new Case("clientToken reused with another request", "POST", "/policy-engines",
                        "{\"name\": \"Different\", \"clientToken\": \"" + TOKEN + "\"}", 400, "ValidationException",
                        "IdempotentParameterMismatchException", "clientToken", "different"),
                bad("body over the size limit", "POST", "/policy-engines",
                        "{\"name\": \"X\", \"description\": \"" + "d".repeat(RequestBody.MAX_BYTES + 10) + "\"}", "body",
                        String.valueOf(RequestBody.MAX_BYTES)),
                // ListPolicyEngines
                bad("maxResults zero", "GET", "/policy-engines?maxResults=0", null, "maxResults", "between 1 and 100"),
                bad("maxResults 101", "GET", "/policy-engines?maxResults=101", null, "maxResults", "between 1 and 100"),
                bad("maxResults not a number", "GET", "/policy-engines?maxResults=ten", null, "maxResults", "integer"),
                bad("nextToken forged", "GET", "/policy-engines?nextToken=not-a-token", null, "nextToken", "pagination token"),
                // Get/Update/Delete engine
                bad("engine id breaks the ResourceId pattern", "GET", "/policy-engines/bad", null, "policyEngineId", "pattern"),
                notFound("unknown engine", "GET", UNKNOWN_ENGINE, null),
                notFound("update unknown engine", "PATCH", UNKNOWN_ENGINE, "{\"description\": \"x\"}"),
                notFound("delete unknown engine", "DELETE", UNKNOWN_ENGINE, null),
                bad("update description wrong type", "PATCH", "/policy-engines/{E}", "{\"description\": 5}", "description",
                        "optionalValue"),
                bad("update optionalValue wrong type", "PUT", "/policy-engines/{E}", "{\"description\": {\"optionalValue\": 5}}",
                        "description.optionalValue", "must be a string"),
                conflict("delete engine that has policies", "DELETE", "/policy-engines/{E}", null),
                // CreatePolicy
                bad("definition missing", "POST", policies, "{\"name\": \"P2\"}", "definition", "must not be null"),
                bad("definition is a string", "POST", policies, "{\"name\": \"P2\", \"definition\": \"permit\"}", "definition",
                        "structure"),
                bad("definition with no member", "POST", policies, "{\"name\": \"P2\", \"definition\": {}}", "definition",
                        "exactly one"),
                bad("definition with two members", "POST", policies, Http.json(Map.of("name", "P2", "definition",
                        Map.of("cedar", Map.of("statement", GOOD), "policy", Map.of("statement", GOOD)))), "definition", "exactly one"),
                bad("definition with an unknown member", "POST", policies,
                        "{\"name\": \"P2\", \"definition\": {\"rego\": {\"statement\": \"x\"}}}", "definition.rego", "Unknown member"),
                bad("statement missing", "POST", policies, "{\"name\": \"P2\", \"definition\": {\"cedar\": {}}}",
                        "definition.cedar.statement", "must not be null"),
                bad("statement is a number", "POST", policies, "{\"name\": \"P2\", \"definition\": {\"cedar\": {\"statement\": 7}}}",
                        "definition.cedar.statement", "must be a string"),
                bad("statement too short", "POST", policies, policy("P2", "permit(principal,action,resource);"),
                        "definition.cedar.statement", "between 35 and 10000"),
                bad("statement over 10,000 chars", "POST", policies,
                        policy("P2", GOOD.replace(";", " when { context has " + "a".repeat(10_000) + " };")),
                        "definition.cedar.statement", "between 35 and 10000"),
                bad("two policies in one statement", "POST", policies, policy("P2", GOOD + "\n" + GOOD),
                        "definition.cedar.statement", "exactly one Cedar policy"),
                bad("two policies in definition.policy", "POST", policies, Http.json(Map.of("name", "P2",
                        "definition", Map.of("policy", Map.of("statement", GOOD + GOOD)))), "definition.policy.statement", "holds 2"),
                bad("unknown validationMode", "POST", policies, Http.json(Map.of("name", "P2", "validationMode", "STRICT",
                        "definition", Map.of("cedar", Map.of("statement", GOOD)))), "validationMode", "FAIL_ON_ANY_FINDINGS"),
                bad("unknown enforcementMode", "POST", policies, Http.json(Map.of("name", "P2", "enforcementMode", "ENFORCE",
                        "definition", Map.of("cedar", Map.of("statement", GOOD)))), "enforcementMode", "LOG_ONLY"),
                bad("policy name with hyphens", "POST", policies, policy("refund-policy-v1", GOOD), "name", "^[A-Za-z][A-Za-z0-9_]*$"),
                bad("policy name over 48 chars", "POST", policies, policy("P".repeat(49), GOOD), "name", "48"),
                conflict("policy name already used in the engine", "POST", policies, policy("First", GOOD)),
                notFound("policy in unknown engine", "POST", UNKNOWN_ENGINE + "/policies", policy("P2", GOOD)),
                bad("policyGeneration without asset id", "POST", policies, Http.json(Map.of("name", "P2", "definition",
                        Map.of("policyGeneration", Map.of("policyGenerationId", "gen-abcdefghij")))),
                        "definition.policyGeneration.policyGenerationAssetId", "must not be null"),
                notFound("policyGeneration asset unknown", "POST", policies, Http.json(Map.of("name", "P2", "definition",
                        Map.of("policyGeneration", Map.of("policyGenerationId", "gen-abcdefghij",
                                "policyGenerationAssetId", "asset-abcdefghij"))))),
                new Case("policy clientToken reused with another request", "POST", policies,
                        Http.json(Map.of("name", "Other", "clientToken", TOKEN, "definition", Map.of("cedar", Map.of("statement", GOOD)))),
                        400, "ValidationException", "IdempotentParameterMismatchException", "clientToken", "different"),
                // Get/List/Update/Delete policy
                bad("policy id breaks the ResourceId pattern", "GET", policies + "/nope", null, "policyId", "pattern"),
                notFound("unknown policy", "GET", policies + "/Nope-abcdefghij", null),
                notFound("list policies of unknown engine", "GET", UNKNOWN_ENGINE + "/policies", null),
                bad("targetResourceScope too short", "GET", policies + "?targetResourceScope=arn", null, "targetResourceScope", "20"),
                bad("list policies maxResults 0", "GET", policies + "?maxResults=0", null, "maxResults", "between 1 and 100"),
                notFound("update unknown policy", "PATCH", policies + "/Nope-abcdefghij", "{\"enforcementMode\": \"ACTIVE\"}"),
                bad("update with unknown enforcementMode", "PATCH", onePolicy, "{\"enforcementMode\": \"OFF\"}", "enforcementMode",
                        "LOG_ONLY"),
                bad("update with definition of wrong type", "PUT", onePolicy, "{\"definition\": [1]}", "definition", "structure"),
                bad("update with two policies", "PUT", onePolicy, policy("First", GOOD + GOOD), "definition.cedar.statement",
                        "holds 2"),
                unparsable("update with malformed JSON", "PATCH", onePolicy, "{\"description\": }"),
                notFound("delete unknown policy", "DELETE", policies + "/Nope-abcdefghij", null));
    }

    @TempDir
    static Path dir;
    Application app;
    Http http;
    String engineId;
    String policyId;

    @BeforeAll
    void start() {
        app = Application.start(ServiceConfig.local(dir));
        http = new Http(app.port());
        engineId = http.post("/policy-engines", Map.of("name", "Engine", "clientToken", TOKEN)).body().get("policyEngineId").asText();
        policyId = http.post("/policy-engines/" + engineId + "/policies",
                Map.of("name", "First", "clientToken", TOKEN, "definition", Map.of("cedar", Map.of("statement", GOOD))))
                .body().get("policyId").asText();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    /** Everything a bad request could have changed. */
    private List<JsonNode> state() {
        return List.of(http.get("/policy-engines?maxResults=100").body(),
                http.get("/policy-engines/" + engineId + "/policies?maxResults=100").body());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badRequestIsRefusedAndChangesNothing(Case c) {
        List<JsonNode> before = state();
        assertThat(before.get(0).get("policyEngines")).hasSize(1);
        assertThat(before.get(1).get("policies")).hasSize(1);

        String path = c.path().replace("{E}", engineId).replace("{P}", policyId);
        Http.Response r = http.send(c.method(), path, c.body());

        assertThat(r.status()).as("status of %s: %s", c.name(), r.body()).isEqualTo(c.status());
        assertThat(r.errorType()).isEqualTo(c.errorType());
        assertThat(r.body().get("message").asText()).isNotBlank().doesNotContain("Exception:").doesNotContain("\tat ");
        if (c.reason() == null) {
            assertThat(r.body().has("reason")).isFalse();
        } else {
            assertThat(r.body().get("reason").asText()).isEqualTo(c.reason());
        }
        if (c.field() == null) {
            assertThat(r.body().has("fieldList")).isFalse();
        } else {
            assertThat(r.body().get("fieldList")).hasSize(1);
            assertThat(r.body().at("/fieldList/0/name").asText()).isEqualTo(c.field());
            assertThat(r.body().at("/fieldList/0/message").asText()).contains(c.messageContains());
        }
        assertThat(state()).isEqualTo(before);
    }
}
