package com.cedarauthoring.gateway;

import com.cedarauthoring.cedar.Attribute;
import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.cedar.CedarSyntax;
import com.cedarauthoring.cedar.CedarType;
import com.cedarauthoring.errors.ValidationException;
import com.cedarauthoring.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Derives a gateway's Cedar schema from its targets' tools (cedar-conventions.md section 1).
 *
 * <p>JSON Schema mapping: {@code string} -> String, {@code integer} -> Long, {@code boolean} -> Bool,
 * {@code number} -> decimal, {@code array} -> Set of the item type, {@code object} -> record (recursively).
 * Properties not listed in {@code required} are optional. A string {@code enum} stays String.
 *
 * <p>Schemas without a {@code type}: an object when it has {@code properties}, an array when it has
 * {@code items}; anything else (no type, or a type outside those six) is rejected with a
 * ValidationException naming the property path. Guessing String would let a policy compare a value
 * the gateway never sends as a string, so we refuse rather than invent a type. A type list such as
 * {@code ["string", "null"]} means the single non-null type. An array without {@code items} is rejected
 * for the same reason. A tool with no input schema, or no properties, gets the empty record.
 */
public final class SchemaDeriver {
    /** Tools of one target, in declaration order. */
    public record TargetTools(String targetName, List<Tool> tools) {
        public TargetTools {
            tools = List.copyOf(tools);
        }
    }

    private static final int MAX_DEPTH = 32;
    /** AgentCore's Cedar schema size limit (400 KB, over all tools of a gateway), in UTF-8 bytes of Cedar text. */
    public static final int MAX_SCHEMA_BYTES = 400 * 1024;
    private final Cedar cedar;

    public SchemaDeriver(Cedar cedar) {
        this.cedar = cedar;
    }

    /** The full schema; throws ValidationException when a tool's input schema cannot be expressed in Cedar. */
    public GatewaySchema derive(String gatewayArn, AuthorizerType authorizer, List<TargetTools> targets) {
        List<ToolAction> actions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (TargetTools target : targets) {
            for (Tool tool : target.tools()) {
                CedarType.RecordType input = inputRecord(tool.name(), tool.inputSchema());
                ToolAction action = new ToolAction(target.targetName(), tool.name(), tool.description(), input);
                if (!ids.add(action.actionId())) {
                    throw new IllegalArgumentException("duplicate action " + action.actionId());
                }
                actions.add(action);
            }
        }
        String text = cedarText(authorizer, targets.stream().map(TargetTools::targetName).toList(), actions);
        int bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > MAX_SCHEMA_BYTES) {
            // checked before the text reaches cedar-java: a schema this size is refused, not parsed
            throw ValidationException.field("targetConfiguration", "The gateway's Cedar schema would be " + bytes
                    + " bytes, over the limit of " + MAX_SCHEMA_BYTES + " bytes (AgentCore's 400 KB over all tools)");
        }
        String json;
        try {
            json = Json.mapper().writeValueAsString(cedar.schemaToJson(text));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("schema JSON could not be written", e);
        } catch (IllegalArgumentException e) {
            throw ValidationException.field("targetConfiguration",
                    "The tools do not form a valid Cedar schema: " + e.getMessage());
        }
        return new GatewaySchema(gatewayArn, authorizer, actions, text, json);
    }

    /** The input record of one tool's JSON Schema; {@code toolName} is used in error messages. */
    public static CedarType.RecordType inputRecord(String toolName, JsonNode schema) {
        if (schema == null || schema.isNull() || schema.isEmpty()) {
            return new CedarType.RecordType(List.of());
        }
        if (!schema.isObject()) {
            throw invalid(toolName, "inputSchema", "must be a JSON Schema object");
        }
        String type = typeOf(schema, toolName, "inputSchema");
        if (type == null && !schema.has("properties")) {
            return new CedarType.RecordType(List.of()); // e.g. {"description": "..."}: the tool takes no input
        }
        if (type != null && !type.equals("object")) {
            throw invalid(toolName, "inputSchema", "a tool's input must be an object, not '" + type + "'");
        }
        return record(toolName, "inputSchema", schema, 0);
    }

    private static CedarType.RecordType record(String tool, String path, JsonNode schema, int depth) {
        JsonNode properties = schema.get("properties");
        if (properties == null || properties.isNull()) {
            return new CedarType.RecordType(List.of());
        }
        if (!properties.isObject()) {
            throw invalid(tool, path + ".properties", "must be an object of property schemas");
        }
        Set<String> required = new LinkedHashSet<>();
        JsonNode req = schema.get("required");
        if (req != null && !req.isNull()) {
            if (!req.isArray()) {
                throw invalid(tool, path + ".required", "must be a list of property names");
            }
            req.forEach(r -> required.add(r.asText()));
        }
        List<Attribute> attributes = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = properties.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> p = it.next();
            String childPath = path + ".properties." + p.getKey();
            if (p.getKey().isEmpty()) {
                throw invalid(tool, childPath, "property names must not be empty");
            }
            JsonNode child = p.getValue();
            CedarType type = type(tool, childPath, child, depth + 1);
            List<String> enumValues = new ArrayList<>();
            JsonNode en = child.get("enum");
            if (type instanceof CedarType.StringType && en != null && en.isArray()) {
                en.forEach(v -> enumValues.add(v.asText()));
            }
            String description = child.path("description").isTextual() ? child.get("description").textValue() : "";
            attributes.add(new Attribute(p.getKey(), type, required.contains(p.getKey()), description, enumValues));
        }
        return new CedarType.RecordType(attributes);
    }

    private static CedarType type(String tool, String path, JsonNode schema, int depth) {
        if (depth > MAX_DEPTH) {
            throw invalid(tool, path, "is nested more than " + MAX_DEPTH + " levels deep");
        }
        if (schema == null || !schema.isObject()) {
            throw invalid(tool, path, "must be a JSON Schema object");
        }
        String type = typeOf(schema, tool, path);
        if (type == null) {
            if (schema.has("properties")) {
                type = "object";
            } else if (schema.has("items")) {
                type = "array";
            } else {
                throw invalid(tool, path, "has no 'type'; declare one of string, integer, number, boolean, array, object");
            }
        }
        return switch (type) {
            case "string" -> new CedarType.StringType();
            case "integer" -> new CedarType.LongType();
            case "boolean" -> new CedarType.BoolType();
            case "number" -> new CedarType.DecimalType();
            case "object" -> record(tool, path, schema, depth);
            case "array" -> {
                JsonNode items = schema.get("items");
                if (items == null || items.isNull()) {
                    throw invalid(tool, path, "is an array without 'items'; Cedar sets need an element type");
                }
                yield new CedarType.SetType(type(tool, path + ".items", items, depth + 1));
            }
            default -> throw invalid(tool, path, "has unsupported type '" + type
                    + "'; use one of string, integer, number, boolean, array, object");
        };
    }

    /** The declared type, or null; a list like ["string", "null"] means its one non-null member. */
    private static String typeOf(JsonNode schema, String tool, String path) {
        JsonNode t = schema.get("type");
        if (t == null || t.isNull()) {
            return null;
        }
        if (t.isTextual()) {
            return t.textValue();
        }
        if (t.isArray()) {
            List<String> nonNull = new ArrayList<>();
            t.forEach(x -> {
                if (!"null".equals(x.asText())) {
                    nonNull.add(x.asText());
                }
            });
            if (nonNull.size() == 1) {
                return nonNull.get(0);
            }
            throw invalid(tool, path, "has a type union " + t + "; Cedar attributes have exactly one type");
        }
        throw invalid(tool, path + ".type", "must be a string");
    }

    private static ValidationException invalid(String tool, String path, String problem) {
        return ValidationException.field("inputSchema",
                "Tool '" + tool + "': " + path + " " + problem);
    }

    /** The schema in Cedar syntax, laid out as in cedar-conventions.md section 1. */
    static String cedarText(AuthorizerType authorizer, List<String> targetNames, List<ToolAction> actions) {
        StringBuilder sb = new StringBuilder();
        sb.append("namespace ").append(GatewaySchema.NAMESPACE).append(" {\n");
        sb.append("  entity OAuthUser = { \"id\": String } tags String;\n");
        sb.append("  entity IamEntity = { \"id\": String };\n");
        sb.append("  entity Gateway;\n");
        sb.append("  action \"CallTool\";\n");
        for (String target : new LinkedHashSet<>(targetNames)) {
            sb.append("  action ").append(CedarSyntax.quote(target)).append(" in [\"CallTool\"];\n");
        }
        for (ToolAction a : actions) {
            sb.append("  action ").append(CedarSyntax.quote(a.actionId())).append(" in [").append(CedarSyntax.quote(a.targetName()))
                    .append("] appliesTo {\n");
            sb.append("    principal: [").append(authorizer.principalEntity()).append("],\n");
            sb.append("    resource: [Gateway],\n");
            sb.append("    context: { \"input\": ").append(a.input().cedarSyntax()).append(" }\n");
            sb.append("  };\n");
        }
        return sb.append("}\n").toString();
    }
}
