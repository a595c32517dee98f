package com.cedarauthoring.api.auth;

import com.cedarauthoring.errors.AccessDeniedException;
import com.cedarauthoring.errors.AuthenticationException;
import com.cedarauthoring.identity.Principal;
import com.cedarauthoring.identity.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Authentication and the per-route role check, run before every matched route. The caller's
 * {@link Principal} is then available to handlers through {@link #principal}.
 */
public final class Security {
    private static final String PRINCIPAL = "cedarauthoring.principal";

    private final List<Authenticator> authenticators;

    /** Tried in order; the first that recognises the request's credentials decides. */
    public Security(List<Authenticator> authenticators) {
        this.authenticators = List.copyOf(authenticators);
    }

    /** Local mode: every caller is {@code local} with every role. */
    public static Security local() {
        return new Security(List.of(ctx -> Optional.of(Principal.localUser())));
    }

    public void register(RoutesConfig routes) {
        routes.beforeMatched(this::check);
    }

    private void check(Context ctx) {
        Set<Access> declared = ctx.routeRoles().stream().filter(Access.class::isInstance).map(Access.class::cast)
                .collect(Collectors.toSet());
        if (declared.contains(Access.PUBLIC)) {
            return;
        }
        Principal principal = authenticate(ctx);
        ctx.attribute(PRINCIPAL, principal);
        if (declared.isEmpty()) {
            // fail closed: a route that forgot to declare its access is nobody's
            throw new AccessDeniedException("User: " + principal.name() + " is not authorized to perform "
                    + ctx.method() + " " + routePath(ctx) + ": the operation declares no role");
        }
        if (declared.stream().noneMatch(a -> a.allows(principal))) {
            throw new AccessDeniedException("User: " + principal.name() + " is not authorized to perform "
                    + ctx.method() + " " + routePath(ctx) + ": it needs the role "
                    + declared.stream().map(a -> a.name().toLowerCase(java.util.Locale.ROOT)).sorted()
                    .collect(Collectors.joining(" or ")) + "; the caller has "
                    + principal.roles().stream().map(Role::wireName).sorted().toList());
        }
    }

    private Principal authenticate(Context ctx) {
        for (Authenticator a : authenticators) {
            Optional<Principal> p = a.authenticate(ctx);
            if (p.isPresent()) {
                return p.get();
            }
        }
        throw new AuthenticationException(AuthenticationException.Kind.MISSING_TOKEN, "Missing Authentication Token");
    }

    /** The authenticated caller of this request (set before the handler runs). */
    public static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        if (p == null) {
            throw new IllegalStateException("no principal: the route is PUBLIC or security is not installed");
        }
        return p;
    }

    /** The caller, or empty on PUBLIC routes (nobody was authenticated). */
    public static Optional<Principal> principalIfAny(Context ctx) {
        return Optional.ofNullable(ctx.attribute(PRINCIPAL));
    }

    /** A narrower check inside a handler (e.g. CreatePolicy with a statement needs admin). */
    public static Principal require(Context ctx, Role role, String what) {
        Principal p = principal(ctx);
        if (!p.has(role)) {
            throw new AccessDeniedException("User: " + p.name() + " is not authorized to " + what + ": it needs the role "
                    + role.wireName());
        }
        return p;
    }

    /** The matched route's path template (e.g. {@code /policy-engines/{policyEngineId}}), from any handler. */
    public static String routePath(Context ctx) {
        var matched = ctx.endpoints().matchedHttpEndpoint();
        return matched == null ? ctx.path() : matched.path;
    }

    /** All declared access values of a route (for tests and the README table). */
    public static Set<Access> declared(Set<RouteRole> roles) {
        return roles.stream().filter(Access.class::isInstance).map(Access.class::cast).collect(Collectors.toSet());
    }
}
