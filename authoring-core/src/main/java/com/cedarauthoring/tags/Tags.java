package com.cedarauthoring.tags;

import com.cedarauthoring.errors.ValidationException;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A validated tag map with AWS's limits (the model's TagsMap): at most 50 tags; keys 1-128 and values
 * 0-256 characters of {@code [a-zA-Z0-9\s._:/=+@-]}; keys starting with {@code aws:} are reserved for AWS.
 */
public record Tags(Map<String, String> values) {
    public static final int MAX_TAGS = 50;
    static final Pattern CHARS = Pattern.compile("[a-zA-Z0-9\\s._:/=+@-]*");

    public Tags {
        values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    public static Tags none() {
        return new Tags(Map.of());
    }

    /** Validates every key and value; {@code field} names the request member in errors. */
    public static Tags of(String field, Map<String, String> values) {
        if (values.size() > MAX_TAGS) {
            throw ValidationException.field(field, "Member must have at most " + MAX_TAGS + " entries (found "
                    + values.size() + ")");
        }
        values.forEach((key, value) -> {
            requireKey(field, key);
            if (value == null || value.length() > 256 || !CHARS.matcher(value).matches()) {
                throw ValidationException.field(field + "." + key, "Tag value must have length between 0 and 256 and "
                        + "satisfy regular expression pattern: " + CHARS.pattern());
            }
        });
        return new Tags(values);
    }

    /** A tag key as TagResource's map keys and UntagResource's tagKeys must be. */
    public static String requireKey(String field, String key) {
        if (key == null || key.isEmpty() || key.length() > 128 || !CHARS.matcher(key).matches()) {
            throw ValidationException.field(field, "Tag key must have length between 1 and 128 and satisfy regular "
                    + "expression pattern: " + CHARS.pattern());
        }
        if (key.regionMatches(true, 0, "aws:", 0, 4)) {
            throw ValidationException.field(field, "Tag keys starting with 'aws:' are reserved for AWS");
        }
        return key;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
