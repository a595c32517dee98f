package com.cedarauthoring.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads client JSON strictly: one value and nothing after it, no member twice in an object, no
 * unpaired UTF-16 surrogate (an escaped {@code \ud800} alone), which would otherwise be stored as "?".
 * Lenient parsing silently changes what the client meant (last duplicate wins, garbage ignored).
 */
public final class StrictJson {
    private static final ObjectReader READER = Json.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** Why a text is not acceptable JSON; the message is safe to show the client. */
    public static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private StrictJson() {}

    public static JsonNode read(byte[] bytes) throws Invalid {
        try {
            return checked(READER.readTree(bytes));
        } catch (JsonProcessingException e) {
            throw new Invalid(e.getOriginalMessage());
        } catch (IOException e) {
            throw new Invalid("the JSON could not be read");
        }
    }

    public static JsonNode read(String text) throws Invalid {
        try {
            return checked(READER.readTree(text));
        } catch (JsonProcessingException e) {
            throw new Invalid(e.getOriginalMessage());
        }
    }

    private static JsonNode checked(JsonNode node) throws Invalid {
        if (node != null) {
            requireWellFormedText(node);
        }
        return node;
    }

    private static void requireWellFormedText(JsonNode node) throws Invalid {
        if (node.isTextual()) {
            requireWellFormed(node.textValue());
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                requireWellFormed(e.getKey());
                requireWellFormedText(e.getValue());
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                requireWellFormedText(item);
            }
        }
    }

    private static void requireWellFormed(String s) throws Invalid {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new Invalid("a string contains an unpaired UTF-16 surrogate (\\u"
                        + Integer.toHexString(c) + " at index " + i + "); strings must be valid Unicode");
            }
        }
    }
}
