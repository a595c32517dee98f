package com.cedarauthoring.cedar;

import java.util.List;

/**
 * One property of a tool's input schema as Cedar sees it.
 *
 * @param description the JSON Schema description, or "" when there is none
 * @param enumValues  the JSON Schema {@code enum} values of a string property (empty when none); the type stays String
 */
public record Attribute(String name, CedarType type, boolean required, String description, List<String> enumValues) {
    public Attribute {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("attribute needs a name");
        }
        description = description == null ? "" : description;
        enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
    }
}
