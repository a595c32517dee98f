package com.cedarauthoring.gateway;

import com.cedarauthoring.errors.ValidationException;
import com.cedarauthoring.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tools of an OpenAPI 3 document, as AgentCore exposes an {@code openApiSchema} target: one tool per
 * operation with an {@code operationId}. The tool's input is an object whose properties are the
 * operation's path, query and header parameters plus the properties of its {@code application/json}
 * request body (a non-object body becomes a property {@code body}). Path parameters and parameters
 * marked {@code required} are required; body properties keep the body schema's {@code required}.
 * Local {@code $ref}s ({@code #/components/...}) are resolved; cyclic references are rejected.
 * Operations without an operationId are skipped (AgentCore cannot name them either).
 *
 * <p>Expansion is bounded: {@code $ref}s that point at each other twice per level double the expanded
 * schema at every level, so a few KB can expand to gigabytes. The expanded input schemas of one document
 * may hold at most {@value #MAX_EXPANDED_CHARS} characters (AgentCore's Cedar schema limit is 400 KB over
 * all tools; nothing larger could be used) and nest at most {@value #MAX_DEPTH} levels; expansion stops
 * as soon as either is passed.
 */
public final class OpenApiTools {
    /** Characters of expanded input schema per document: AgentCore's 400 KB Cedar schema limit. */
    public static final int MAX_EXPANDED_CHARS = SchemaDeriver.MAX_SCHEMA_BYTES;
    /** Nesting levels of an expanded input schema. */
    public static final int MAX_DEPTH = 64;

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final String FIELD = "targetConfiguration.mcp.openApiSchema.inlinePayload";

    private OpenApiTools() {}

    /** Parses the inline payload (a JSON string, as on the wire, or an already parsed object). */
    public static List<Tool> tools(JsonNode payload) {
        JsonNode doc = payload;
        if (payload != null && payload.isTextual()) {
            try {
                doc = com.cedarauthoring.json.StrictJson.read(payload.textValue());
            } catch (com.cedarauthoring.json.StrictJson.Invalid e) {
                throw ValidationException.field(FIELD, "The OpenAPI document is not valid JSON (YAML is not supported inline)");
            }
        }
        if (doc == null || !doc.isObject()) {
            throw ValidationException.field(FIELD, "The OpenAPI document must be a JSON object");
        }
        if (!doc.path("openapi").asText("").startsWith("3")) {
            throw ValidationException.field(FIELD, "Only OpenAPI 3 documents are supported (member 'openapi': \"3.x\")");
        }
        JsonNode paths = doc.get("paths");
        if (paths == null || !paths.isObject()) {
            throw ValidationException.field(FIELD, "The OpenAPI document has no 'paths' object");
        }
        List<Tool> tools = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Budget budget = new Budget();
        Iterator<Map.Entry<String, JsonNode>> pit = paths.fields();
        while (pit.hasNext()) {
            Map.Entry<String, JsonNode> path = pit.next();
            JsonNode item = resolve(doc, path.getValue(), new HashSet<>());
            for (String method : METHODS) {
                JsonNode op = item.get(method);
                if (op == null || !op.isObject() || !op.path("operationId").isTextual()) {
                    continue;
                }
                String name = Tool.requireValidName(FIELD, op.get("operationId").textValue());
                if (!names.add(name)) {
                    throw ValidationException.field(FIELD, "operationId '" + name + "' is used more than once");
                }
                String description = op.path("description").asText("");
                if (description.isEmpty()) {
                    description = op.path("summary").asText("");
                }
                tools.add(new Tool(name, description, input(doc, item, op, name, budget)));
            }
        }
        return tools;
    }

    /** What expansion may still produce for this document; shared by all its operations. */
    private static final class Budget {
        private long chars;

        void spend(int n, String tool) {
            chars += n;
            if (chars > MAX_EXPANDED_CHARS) {
                throw ValidationException.field(FIELD, "Operation '" + tool + "': the input schemas with every $ref"
                        + " expanded exceed " + MAX_EXPANDED_CHARS + " characters (AgentCore's Cedar schema limit is"
                        + " 400 KB over all tools); reduce the schemas or the references between them");
            }
        }
    }

    private static ObjectNode input(JsonNode doc, JsonNode pathItem, JsonNode op, String tool, Budget budget) {
        ObjectNode schema = Json.mapper().createObjectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        Set<String> required = new LinkedHashSet<>();
        List<JsonNode> parameters = new ArrayList<>();
        pathItem.path("parameters").forEach(parameters::add);
        op.path("parameters").forEach(parameters::add); // operation-level parameters override path-level ones
        for (JsonNode raw : parameters) {
            JsonNode p = resolve(doc, raw, new HashSet<>());
            String in = p.path("in").asText("");
            String name = p.path("name").asText("");
            if (name.isEmpty() || !(in.equals("path") || in.equals("query") || in.equals("header"))) {
                continue; // cookies are not tool input
            }
            budget.spend(name.length() + 4, tool);
            JsonNode ps = p.has("schema") ? inline(doc, p.get("schema"), new HashSet<>(), tool, budget, 0) : stringSchema();
            if (p.has("description") && ps.isObject() && !ps.has("description")) {
                ps = ((ObjectNode) ps.deepCopy()).put("description", p.get("description").asText());
            }
            properties.set(name, ps);
            if (in.equals("path") || p.path("required").asBoolean(false)) {
                required.add(name);
            } else {
                required.remove(name);
            }
        }
        JsonNode body = resolve(doc, op.path("requestBody"), new HashSet<>());
        JsonNode bodySchema = body.path("content").path("application/json").path("schema");
        if (!bodySchema.isMissingNode()) {
            JsonNode bs = inline(doc, bodySchema, new HashSet<>(), tool, budget, 0);
            if (bs.path("type").asText("object").equals("object") && bs.has("properties")) {
                bs.get("properties").fields().forEachRemaining(e -> properties.set(e.getKey(), e.getValue()));
                bs.path("required").forEach(r -> required.add(r.asText()));
            } else if (!bs.isEmpty()) {
                properties.set("body", bs);
                if (body.path("required").asBoolean(false)) {
                    required.add("body");
                }
            }
        }
        ArrayNode req = schema.putArray("required");
        required.forEach(req::add);
        return schema;
    }

    private static ObjectNode stringSchema() {
        return Json.mapper().createObjectNode().put("type", "string");
    }

    /** A copy of the schema with every local $ref replaced by its target, within the budget and depth. */
    private static JsonNode inline(JsonNode doc, JsonNode schema, Set<String> seen, String tool, Budget budget,
                                   int depth) {
        if (depth > MAX_DEPTH) {
            throw ValidationException.field(FIELD, "Operation '" + tool + "': the input schema nests more than "
                    + MAX_DEPTH + " levels with every $ref expanded");
        }
        if (schema.isObject() && schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            if (!seen.add(ref)) {
                throw ValidationException.field(FIELD, "Operation '" + tool + "' has a recursive schema (" + ref
                        + "); Cedar records cannot be recursive");
            }
            JsonNode out = inline(doc, target(doc, ref), seen, tool, budget, depth);
            seen.remove(ref);
            return out;
        }
        if (schema.isObject()) {
            ObjectNode copy = Json.mapper().createObjectNode();
            schema.fields().forEachRemaining(e -> {
                budget.spend(e.getKey().length() + 4, tool);
                copy.set(e.getKey(), inline(doc, e.getValue(), seen, tool, budget, depth + 1));
            });
            // OpenAPI 3.0 'nullable' and a single allOf are common; fold them into plain JSON Schema
            copy.remove("nullable");
            if (copy.has("allOf") && !copy.has("type")) {
                ObjectNode merged = Json.mapper().createObjectNode().put("type", "object");
                ObjectNode props = merged.putObject("properties");
                ArrayNode req = merged.putArray("required");
                copy.get("allOf").forEach(part -> {
                    part.path("properties").fields().forEachRemaining(e -> props.set(e.getKey(), e.getValue()));
                    part.path("required").forEach(req::add);
                });
                return merged;
            }
            return copy;
        }
        if (schema.isArray()) {
            ArrayNode copy = Json.mapper().createArrayNode();
            budget.spend(2, tool);
            schema.forEach(n -> copy.add(inline(doc, n, seen, tool, budget, depth + 1)));
            return copy;
        }
        budget.spend(schema.isTextual() ? schema.textValue().length() + 2 : schema.toString().length(), tool);
        return schema;
    }

    private static JsonNode resolve(JsonNode doc, JsonNode node, Set<String> seen) {
        if (node != null && node.isObject() && node.has("$ref")) {
            String ref = node.get("$ref").asText();
            if (!seen.add(ref)) {
                throw ValidationException.field(FIELD, "Cyclic reference " + ref);
            }
            return resolve(doc, target(doc, ref), seen);
        }
        return node == null ? Json.mapper().missingNode() : node;
    }

    private static JsonNode target(JsonNode doc, String ref) {
        if (!ref.startsWith("#/")) {
            throw ValidationException.field(FIELD, "Only local references (#/...) are supported, found " + ref);
        }
        JsonNode t = doc.at(ref.substring(1));
        if (t.isMissingNode()) {
            throw ValidationException.field(FIELD, "Reference " + ref + " does not resolve");
        }
        return t;
    }
}
