package com.cedarauthoring.api.http;

import com.cedarauthoring.errors.ValidationException;
import com.cedarauthoring.json.Json;
import com.cedarauthoring.json.StrictJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * A JSON request body read strictly: every wrong type, missing member or unknown enum value becomes a
 * ValidationException that names the field by its path (e.g. {@code definition.cedar.statement}).
 */
public final class RequestBody {
    /** Documented request size limit (README): larger bodies get a ValidationException. */
    public static final int MAX_BYTES = 1_048_576;

    private final JsonNode node;
    private final String path;

    private RequestBody(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    public static RequestBody of(Context ctx) {
        // The body is read even when its declared length is already too large (Jetty caps it at twice our limit):
        // answering before the client has finished sending makes the client see a broken pipe, not our 400.
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > MAX_BYTES) {
            throw ValidationException.field("body", "Request body must be at most " + MAX_BYTES + " bytes");
        }
        if (bytes.length == 0) {
            return new RequestBody(Json.mapper().createObjectNode(), "");
        }
        JsonNode node;
        try {
            node = StrictJson.read(bytes);
        } catch (StrictJson.Invalid e) {
            throw ValidationException.cannotParse("The request body is not valid JSON: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw ValidationException.cannotParse("The request body must be a JSON object");
        }
        return new RequestBody(node, "");
    }

    /** A member of a list, read with the same rules; {@code path} names it in errors (e.g. {@code cases[2]}). */
    public static RequestBody at(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw ValidationException.field(path, "Member must be a structure (JSON object)");
        }
        return new RequestBody(node, path);
    }

    public JsonNode node() {
        return node;
    }

    public boolean has(String member) {
        JsonNode v = node.get(member);
        return v != null && !v.isNull();
    }

    public String field(String member) {
        return path.isEmpty() ? member : path + "." + member;
    }

    public String requiredString(String member) {
        return optionalString(member).orElseThrow(() -> ValidationException.field(field(member), "Member must not be null"));
    }

    public Optional<String> optionalString(String member) {
        JsonNode v = node.get(member);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw ValidationException.field(field(member), "Member must be a string");
        }
        return Optional.of(v.textValue());
    }

    /** A string of bounded length (AgentCore's min/max constraints). */
    public Optional<String> optionalString(String member, int min, int max) {
        Optional<String> v = optionalString(member);
        v.ifPresent(s -> {
            if (s.length() < min || s.length() > max) {
                throw ValidationException.field(field(member),
                        "Member must have length between " + min + " and " + max + ", inclusive");
            }
        });
        return v;
    }

    public String requiredString(String member, int min, int max) {
        return optionalString(member, min, max)
                .orElseThrow(() -> ValidationException.field(field(member), "Member must not be null"));
    }

    /** A JSON boolean; absent or null is false. */
    public boolean optionalBoolean(String member) {
        JsonNode v = node.get(member);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw ValidationException.field(field(member), "Member must be a boolean");
        }
        return v.booleanValue();
    }

    /** A JSON array of enum names; absent or null is empty. */
    public <E extends Enum<E>> java.util.Set<E> optionalEnumList(String member, Class<E> type, int max) {
        JsonNode v = node.get(member);
        java.util.Set<E> out = new java.util.LinkedHashSet<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray() || v.size() > max) {
            throw ValidationException.field(field(member), "Member must be a list of at most " + max + " strings");
        }
        for (JsonNode item : v) {
            String name = item.isTextual() ? item.textValue() : null;
            E match = null;
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(name)) {
                    match = e;
                }
            }
            if (match == null) {
                throw ValidationException.field(field(member), "Member must contain only values of "
                        + java.util.Arrays.toString(type.getEnumConstants()));
            }
            out.add(match);
        }
        return out;
    }

    public Optional<RequestBody> optionalObject(String member) {
        JsonNode v = node.get(member);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isObject()) {
            throw ValidationException.field(field(member), "Member must be a structure (JSON object)");
        }
        return Optional.of(new RequestBody(v, field(member)));
    }

    public RequestBody requiredObject(String member) {
        return optionalObject(member).orElseThrow(() -> ValidationException.field(field(member), "Member must not be null"));
    }

    public <E extends Enum<E>> Optional<E> optionalEnum(String member, Class<E> type) {
        return optionalString(member).map(s -> {
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(s)) {
                    return e;
                }
            }
            StringBuilder allowed = new StringBuilder();
            for (E e : type.getEnumConstants()) {
                allowed.append(allowed.length() == 0 ? "" : ", ").append(e.name());
            }
            throw ValidationException.field(field(member), "Member must satisfy enum value set: [" + allowed + "]");
        });
    }

    /**
     * AgentCore's two description forms: a plain string (preview model) or {@code {"optionalValue": ...}}
     * (GA), where a wrapper without optionalValue unsets the description.
     */
    public DescriptionUpdate description(String member) {
        JsonNode v = node.get(member);
        if (v == null || v instanceof NullNode) {
            return DescriptionUpdate.UNCHANGED;
        }
        if (v.isTextual()) {
            return DescriptionUpdate.set(checkDescription(member, v.textValue()));
        }
        if (v.isObject()) {
            JsonNode inner = v.get("optionalValue");
            if (inner == null || inner.isNull()) {
                return DescriptionUpdate.UNSET;
            }
            if (!inner.isTextual()) {
                throw ValidationException.field(field(member) + ".optionalValue", "Member must be a string");
            }
            return DescriptionUpdate.set(checkDescription(member, inner.textValue()));
        }
        throw ValidationException.field(field(member), "Member must be a string or {\"optionalValue\": string}");
    }

    private String checkDescription(String member, String value) {
        if (value.isEmpty() || value.length() > 4096) {
            throw ValidationException.field(field(member), "Member must have length between 1 and 4096, inclusive");
        }
        return value;
    }

    /** A description change requested by an update: leave it, replace it, or remove it. */
    public record DescriptionUpdate(Kind kind, String value) {
        public enum Kind { UNCHANGED, SET, UNSET }

        static final DescriptionUpdate UNCHANGED = new DescriptionUpdate(Kind.UNCHANGED, null);
        static final DescriptionUpdate UNSET = new DescriptionUpdate(Kind.UNSET, null);

        static DescriptionUpdate set(String value) {
            return new DescriptionUpdate(Kind.SET, value);
        }

        /** The description after applying this update to {@code current}. */
        public String applyTo(String current) {
            return switch (kind) {
                case UNCHANGED -> current;
                case SET -> value;
                case UNSET -> null;
            };
        }
    }
}
