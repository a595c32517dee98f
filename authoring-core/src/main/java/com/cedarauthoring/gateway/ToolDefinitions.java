package com.cedarauthoring.gateway;

import com.cedarauthoring.errors.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the tools of a {@code targetConfiguration}: {@code mcp.lambda.toolSchema.inlinePayload} (a list
 * of {@code {name, description, inputSchema}}) or {@code mcp.openApiSchema.inlinePayload} (see
 * {@link OpenApiTools}). Other target kinds (S3-hosted schemas, MCP servers, API Gateway, Smithy, connectors,
 * and the {@code http} and {@code inference} members of the union) are stored but contribute no tools: their
 * tool lists are not available to this service.
 */
public final class ToolDefinitions {
    private static final String LAMBDA = "targetConfiguration.mcp.lambda.toolSchema.inlinePayload";

    private ToolDefinitions() {}

    public static List<Tool> of(JsonNode targetConfiguration) {
        if (targetConfiguration == null || !targetConfiguration.isObject()) {
            throw ValidationException.field("targetConfiguration", "Member must not be null");
        }
        TargetType.of(targetConfiguration);
        JsonNode mcp = targetConfiguration.get("mcp");
        if (mcp == null) {
            return List.of();
        }
        JsonNode inline = mcp.path("lambda").path("toolSchema").path("inlinePayload");
        if (!inline.isMissingNode() && !inline.isNull()) {
            return lambdaTools(inline);
        }
        JsonNode openApi = mcp.path("openApiSchema").path("inlinePayload");
        if (!openApi.isMissingNode() && !openApi.isNull()) {
            return OpenApiTools.tools(openApi);
        }
        return List.of();
    }

    private static List<Tool> lambdaTools(JsonNode inline) {
        if (!inline.isArray()) {
            throw ValidationException.field(LAMBDA, "Member must be a list of tool definitions");
        }
        List<Tool> tools = new ArrayList<>();
        for (int i = 0; i < inline.size(); i++) {
            JsonNode def = inline.get(i);
            String field = LAMBDA + "[" + i + "]";
            if (!def.isObject()) {
                throw ValidationException.field(field, "Member must be a tool definition object");
            }
            JsonNode name = def.get("name");
            if (name == null || name.isNull()) {
                throw ValidationException.field(field + ".name", "Member must not be null");
            }
            if (!name.isTextual()) {
                throw ValidationException.field(field + ".name", "Member must be a string");
            }
            Tool.requireValidName(field + ".name", name.textValue());
            JsonNode description = def.get("description");
            if (description != null && !description.isNull() && !description.isTextual()) {
                throw ValidationException.field(field + ".description", "Member must be a string");
            }
            JsonNode input = def.get("inputSchema");
            if (input != null && !input.isNull() && !input.isObject()) {
                throw ValidationException.field(field + ".inputSchema", "Member must be a JSON Schema object");
            }
            tools.add(new Tool(name.textValue(), description == null ? "" : description.asText(""), input));
        }
        return tools;
    }
}
