package com.cedarauthoring.api.console;

import com.cedarauthoring.api.auth.Authenticator;
import com.cedarauthoring.errors.AccessDeniedException;
import com.cedarauthoring.errors.AuthenticationException;
import com.cedarauthoring.identity.Principal;
import io.javalin.http.Context;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates console requests by their session cookie. A request without the cookie is not of its kind
 * (SigV4 may know it). State-changing methods must repeat the session's CSRF token in
 * {@value #CSRF_HEADER}: the cookie alone, which a browser attaches to any request, proves nothing.
 */
public final class SessionAuthenticator implements Authenticator {
    public static final String COOKIE = "cedar_console";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final ConsoleSessions sessions;

    public SessionAuthenticator(ConsoleSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Optional<Principal> authenticate(Context ctx) {
        String token = ctx.cookie(COOKIE);
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        ConsoleSessions.Session session = sessions.find(token).orElseThrow(() -> new AuthenticationException(
                AuthenticationException.Kind.MISSING_TOKEN, "The console session has expired or was signed out; sign in again"));
        if (!SAFE.contains(ctx.method().name())) {
            String csrf = ctx.header(CSRF_HEADER);
            if (csrf == null || !MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8),
                    session.csrfToken().getBytes(StandardCharsets.UTF_8))) {
                throw new AccessDeniedException("Missing or wrong " + CSRF_HEADER + " header: state-changing console requests "
                        + "must carry the session's CSRF token");
            }
        }
        return Optional.of(session.principal());
    }
}
