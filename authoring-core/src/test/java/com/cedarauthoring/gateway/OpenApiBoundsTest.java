package com.cedarauthoring.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cedarauthoring.errors.ValidationException;
import com.cedarauthoring.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** $ref expansion of OpenAPI targets is bounded in size and depth, and stops early (issue 8 item 3). */
class OpenApiBoundsTest {

    /** Each level refers to the next twice: 2^levels leaves once expanded. */
    static ObjectNode doubling(int levels, boolean twice) {
        ObjectNode schemas = Json.mapper().createObjectNode();
        for (int i = 0; i < levels; i++) {
            ObjectNode props = schemas.putObject("S" + i).put("type", "object").putObject("properties");
            if (i + 1 < levels) {
                props.putObject("left").put("$ref", "#/components/schemas/S" + (i + 1));
                if (twice) {
                    props.putObject("right").put("$ref", "#/components/schemas/S" + (i + 1));
                }
            } else {
                props.putObject("leaf").put("type", "string");
            }
        }
        ObjectNode doc = Json.mapper().createObjectNode().put("openapi", "3.0.0");
        doc.putObject("paths").putObject("/x").putObject("post").put("operationId", "expand")
                .putObject("requestBody").putObject("content").putObject("application/json").putObject("schema")
                .put("$ref", "#/components/schemas/S0");
        doc.putObject("components").set("schemas", schemas);
        return doc;
    }

    @Test
    void doublingReferencesStopAtTheSizeLimit() {
        // 30 levels would be 2^30 leaves; the budget stops expansion after ~400 KB of output
        assertThatThrownBy(() -> OpenApiTools.tools(doubling(30, true)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldList())
                        .extracting(ValidationException.FieldError::name)
                        .containsExactly("targetConfiguration.mcp.openApiSchema.inlinePayload"))
                .hasMessageContaining("Operation 'expand'").hasMessageContaining("409600 characters");
    }

    @Test
    void aReferenceChainDeeperThanTheLimitIsRefused() {
        assertThatThrownBy(() -> OpenApiTools.tools(doubling(OpenApiTools.MAX_DEPTH, false)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("nests more than " + OpenApiTools.MAX_DEPTH);
    }

    @Test
    void documentsWithinTheLimitsExpandAsBefore() {
        var tools = OpenApiTools.tools(doubling(8, true));
        assertThat(tools).hasSize(1);
        assertThat(tools.get(0).inputSchema().toString()).contains("\"leaf\"");
    }
}
