package com.cedarauthoring.naming;

import com.cedarauthoring.errors.ValidationException;
import java.util.regex.Pattern;

/** AgentCore's naming rules for engines, policies and generations. */
public final class Names {
    public static final String NAME_PATTERN = "^[A-Za-z][A-Za-z0-9_]*$";
    public static final int NAME_MAX = 48;
    private static final Pattern NAME = Pattern.compile(NAME_PATTERN);

    private Names() {}

    /** Returns {@code value} or throws a ValidationException naming {@code field} and the rule it broke. */
    public static String requireValidName(String field, String value) {
        if (value == null) {
            throw ValidationException.field(field, "Member must not be null");
        }
        if (value.isEmpty() || value.length() > NAME_MAX) {
            throw ValidationException.field(field,
                    "Member must have length between 1 and " + NAME_MAX + ", inclusive (value has length " + value.length() + ")");
        }
        if (!NAME.matcher(value).matches()) {
            throw ValidationException.field(field,
                    "Member must satisfy regular expression pattern: " + NAME_PATTERN
                            + " (letters, digits and underscores, starting with a letter; no hyphens)");
        }
        return value;
    }

    public static boolean isValidName(String value) {
        return value != null && !value.isEmpty() && value.length() <= NAME_MAX && NAME.matcher(value).matches();
    }
}
