package com.cedarauthoring.gateway;

import com.cedarauthoring.errors.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.regex.Pattern;

/**
 * One MCP tool of a gateway target, as declared: name, description and the JSON Schema of its input.
 *
 * <p>Tool names must match {@value #NAME_PATTERN}: the characters MCP clients accept in a tool name,
 * and what keeps the Cedar action id {@code <target>___<tool>} a plain, readable string.
 *
 * @param inputSchema a JSON Schema object; an empty object when the tool declares none
 */
public record Tool(String name, String description, JsonNode inputSchema) {
    public static final String NAME_PATTERN = "^[a-zA-Z0-9_-]{1,64}$";
    private static final Pattern NAME = Pattern.compile(NAME_PATTERN);

    public Tool {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid tool name: " + name);
        }
        description = description == null ? "" : description;
        inputSchema = inputSchema == null || inputSchema.isNull() ? JsonNodeFactory.instance.objectNode() : inputSchema;
    }

    /** Checks a declared tool name, naming {@code field} in the error. */
    public static String requireValidName(String field, String name) {
        if (name == null) {
            throw ValidationException.field(field, "Member must not be null");
        }
        if (!NAME.matcher(name).matches()) {
            throw ValidationException.field(field, "Tool name '" + name + "' must satisfy regular expression pattern: "
                    + NAME_PATTERN);
        }
        return name;
    }
}
