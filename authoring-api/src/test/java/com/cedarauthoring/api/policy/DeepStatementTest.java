package com.cedarauthoring.api.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.api.Application;
import com.cedarauthoring.api.Http;
import com.cedarauthoring.api.ServiceConfig;
import com.cedarauthoring.cedar.DeepCedar;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Statements that overflowed the native parser (SIGSEGV, the whole service gone) or its EST (a 500), over
 * HTTP: CreatePolicy and UpdatePolicy answer a ValidationException naming the bound, nothing is stored,
 * and the service keeps answering. A gateway target whose tool schema nests too deep is refused the same way.
 */
class DeepStatementTest {
    @TempDir
    Path dir;
    Application app;
    Http http;

    @BeforeEach
    void start() {
        app = Application.start(ServiceConfig.local(dir));
        http = new Http(app.port());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void createAndUpdateRefuseEveryDeepShapeAndTheServiceKeepsAnswering() {
        String engine = http.post("/policy-engines", Map.of("name", "Deep")).body().get("policyEngineId").asText();
        String policies = "/policy-engines/" + engine + "/policies";
        Http.Response seed = http.post(policies, Map.of("name", "Seed", "definition",
                Map.of("cedar", Map.of("statement", PolicyRoutesTest.STATEMENT))));
        assertThat(seed.status()).isEqualTo(202);
        String seedPath = policies + "/" + seed.body().get("policyId").asText();

        int i = 0;
        for (Map.Entry<String, String> shape : DeepCedar.shapes("arn:aws:bedrock-agentcore:us-west-2:123456789012:gateway/refund-abcdefghij").entrySet()) {
            Http.Response created = http.post(policies, Map.of("name", "Deep" + i++, "definition",
                    Map.of("cedar", Map.of("statement", shape.getValue()))));
            assertRefused(shape.getKey(), created, "definition.cedar.statement");

            Http.Response updated = http.send("PUT", seedPath, Http.json(Map.of("definition",
                    Map.of("policy", Map.of("statement", shape.getValue())))));
            assertRefused(shape.getKey(), updated, "definition.policy.statement");

            assertThat(http.get(seedPath).body().at("/definition/cedar/statement").asText())
                    .as("a refused update changes nothing").isEqualTo(PolicyRoutesTest.STATEMENT);
        }
        JsonNode list = http.get(policies).body().get("policies");
        assertThat(list).as("only the seed policy was stored").hasSize(1);
    }

    @Test
    void aToolSchemaTooDeepForCedarIsRefused() {
        String gateway = http.post("/gateways/", Map.of("name", "deep-gw", "roleArn", "arn:aws:iam::123456789012:role/R",
                "authorizerType", "CUSTOM_JWT")).body().get("gatewayId").asText();
        Map<String, Object> schema = Map.of("type", "string");
        for (int depth = 0; depth < 100; depth++) {
            schema = Map.of("type", "object", "properties", Map.of("a", schema));
        }
        Map<String, Object> target = Map.of("name", "DeepTarget", "targetConfiguration", Map.of("mcp", Map.of("lambda", Map.of(
                "lambdaArn", "arn:aws:lambda:us-west-2:123456789012:function:Deep",
                "toolSchema", Map.of("inlinePayload", List.of(Map.of("name", "deep_tool", "description", "deep",
                        "inputSchema", schema)))))));
        Http.Response created = http.post("/gateways/" + gateway + "/targets/", target);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(400);
        assertThat(created.errorType()).isEqualTo("ValidationException");
        assertThat(created.body().get("message").asText()).contains("levels deep");
        assertThat(http.get("/gateways/" + gateway).status()).isEqualTo(200);
    }

    private void assertRefused(String shape, Http.Response response, String field) {
        assertThat(response.status()).as(shape + " " + response.body()).isEqualTo(400);
        assertThat(response.errorType()).isEqualTo("ValidationException");
        assertThat(response.body().get("reason").asText()).isEqualTo("FieldValidationFailed");
        assertThat(response.body().at("/fieldList/0/name").asText()).isEqualTo(field);
        assertThat(response.body().get("message").asText()).as(shape)
                .containsAnyOf("more than 32 levels", "more than 256 operators", "more than 32 member accesses");
        assertThat(http.get("/health").status()).as("the service still answers after " + shape).isEqualTo(200);
    }
}
