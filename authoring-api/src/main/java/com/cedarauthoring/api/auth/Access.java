package com.cedarauthoring.api.auth;

import com.cedarauthoring.identity.Principal;
import com.cedarauthoring.identity.Role;
import io.javalin.security.RouteRole;

/**
 * The access a route declares (as a Javalin route role). Every route declares at least one; a route that
 * declares none is refused for everyone ({@link Security}), and a test walks every registered route.
 * Several declared values mean any of them is enough; handlers may narrow further (CreatePolicy: a
 * statement needs admin, an asset needs reviewer).
 */
public enum Access implements RouteRole {
    /** No signature needed (health checks by load balancers). */
    PUBLIC(null),
    /** Any authenticated caller with any role: every role reads everything. */
    READ(null),
    AUTHOR(Role.AUTHOR),
    REVIEWER(Role.REVIEWER),
    ADMIN(Role.ADMIN);

    private final Role role;

    Access(Role role) {
        this.role = role;
    }

    public boolean allows(Principal p) {
        return switch (this) {
            case PUBLIC -> true;
            case READ -> !p.roles().isEmpty();
            default -> p.has(role);
        };
    }
}
