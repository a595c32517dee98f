package com.cedarauthoring.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cedarauthoring.errors.ValidationException;
import com.cedarauthoring.json.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which member of the TargetConfiguration union a target uses, as AgentCore's targetType. */
class TargetTypeTest {
    @ParameterizedTest(name = "{0}.{1} -> {2}")
    @CsvSource({
            "mcp, lambda, LAMBDA", "mcp, openApiSchema, OPEN_API_SCHEMA", "mcp, smithyModel, SMITHY_MODEL",
            "mcp, mcpServer, MCP_SERVER", "mcp, apiGateway, API_GATEWAY", "mcp, connector, CONNECTOR",
            "http, agentcoreRuntime, AGENTCORE_RUNTIME", "http, passthrough, PASSTHROUGH", "http, connector, HTTP_CONNECTOR",
            "inference, provider, PROVIDER", "inference, connector, CONNECTOR"})
    void typeOfEachUnionMember(String outer, String inner, String type) throws Exception {
        String json = "{\"" + outer + "\": {\"" + inner + "\": {}}}";
        assertThat(TargetType.of(Json.mapper().readTree(json))).isEqualTo(type);
        assertThat(ToolDefinitions.of(Json.mapper().readTree(json.replace("\"lambda\": {}", "\"lambda\": {\"lambdaArn\": \"x\"}"))))
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"{}", "{\"mcp\": {}, \"http\": {}}", "{\"mcp\": {}}", "{\"http\": {\"other\": {}}}",
            "{\"mcp\": {\"lambda\": {}, \"mcpServer\": {}}}", "{\"mcp\": 1}"})
    void notExactlyOneKnownMemberIsRefused(String json) throws Exception {
        assertThatThrownBy(() -> TargetType.of(Json.mapper().readTree(json))).isInstanceOf(ValidationException.class);
    }
}
