package com.cedarauthoring.identity;

import java.util.Locale;
import java.util.Optional;

/**
 * What a principal may do (api.md, Authentication and roles): authors start generations, reviewers review
 * assets (and so create policies from them), admins manage gateways, targets, engines and policies directly.
 * Every role reads everything.
 */
public enum Role {
    AUTHOR, REVIEWER, ADMIN;

    /** The spelling in the credentials file and the README: lower case. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromWire(String name) {
        for (Role r : values()) {
            if (r.wireName().equals(name)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
