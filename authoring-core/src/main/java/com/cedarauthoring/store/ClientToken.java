package com.cedarauthoring.store;

import com.cedarauthoring.errors.ValidationException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * AgentCore's {@code clientToken}: 33-256 characters of {@value #PATTERN}. Valid by construction, so
 * no caller validates it again.
 */
public record ClientToken(String value) {
    public static final String FIELD = "clientToken";
    public static final String PATTERN = "[a-zA-Z0-9](-*[a-zA-Z0-9]){0,256}";
    public static final int MIN = 33;
    public static final int MAX = 256;
    private static final Pattern TOKEN = Pattern.compile(PATTERN);

    public ClientToken {
        if (value == null) {
            throw ValidationException.field(FIELD, "Member must not be null");
        }
        if (value.length() < MIN || value.length() > MAX) {
            throw ValidationException.field(FIELD, "Member must have length between " + MIN + " and " + MAX
                    + ", inclusive (value has length " + value.length() + ")");
        }
        if (!TOKEN.matcher(value).matches()) {
            throw ValidationException.field(FIELD, "Member must satisfy regular expression pattern: " + PATTERN);
        }
    }

    /** An optional wire value as an optional token (absent stays absent; present must be valid). */
    public static Optional<ClientToken> of(Optional<String> value) {
        return value.map(ClientToken::new);
    }

    @Override
    public String toString() {
        return value;
    }
}
