package com.cedarauthoring.identity;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An authenticated caller.
 *
 * @param name  the principal name from the credentials file ({@code local} in local mode); recorded in the
 *              audit trail and compared for four-eyes
 * @param roles what the caller may do
 * @param local local mode: every role, and four-eyes does not apply (there is only one person)
 */
public record Principal(String name, Set<Role> roles, boolean local) {
    public static final String LOCAL = "local";
    /** The service itself (generation jobs): never a reviewer. */
    public static final Principal SYSTEM = new Principal("system", Set.of(), false);

    public Principal {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.length() > 128) {
            throw new IllegalArgumentException("a principal name is 1-128 characters");
        }
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Principal localUser() {
        return new Principal(LOCAL, EnumSet.allOf(Role.class), true);
    }

    public static Principal of(String name, Set<Role> roles) {
        return new Principal(name, roles, false);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
