package com.cedarauthoring.api.console;

import com.cedarauthoring.api.auth.Access;
import com.cedarauthoring.api.auth.AccessKey;
import com.cedarauthoring.api.http.RequestBody;
import com.cedarauthoring.api.http.RouteModule;
import com.cedarauthoring.errors.AuthenticationException;
import com.cedarauthoring.errors.ValidationException;
import com.cedarauthoring.identity.Principal;
import com.cedarauthoring.identity.Role;
import com.cedarauthoring.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /console/} and its static files (from the jar; nothing from the internet), and the console's
 * sign-in: {@code POST /console/session} exchanges an access key id and secret for a session cookie
 * (HttpOnly, SameSite=Strict) and answers the CSRF token; {@code GET} says who is signed in; {@code DELETE}
 * signs out. In local mode there is nobody to sign in: every caller is {@code local}.
 */
public final class ConsoleRoutes implements RouteModule {
    /** The console's files, and their content types: nothing else under /console/ is served. */
    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8",
            "views.js", "text/javascript; charset=utf-8",
            "cedar.js", "text/javascript; charset=utf-8",
            "app.css", "text/css; charset=utf-8");

    private final Optional<Map<String, AccessKey>> keys;
    private final ConsoleSessions sessions;

    /** @param keys the credentials file's keys by id; empty in local mode */
    public ConsoleRoutes(Optional<Map<String, AccessKey>> keys, ConsoleSessions sessions) {
        this.keys = keys;
        this.sessions = sessions;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/console/", ctx -> file(ctx, "index.html"), Access.PUBLIC);
        routes.get("/console/assets/{file}", ctx -> file(ctx, ctx.pathParam("file")), Access.PUBLIC);
        routes.get("/console/session", this::whoAmI, Access.PUBLIC);
        routes.post("/console/session", this::signIn, Access.PUBLIC);
        routes.delete("/console/session", this::signOut, Access.PUBLIC);
    }

    private void file(Context ctx, String name) {
        String type = FILES.get(name);
        if (type == null) {
            throw new io.javalin.http.NotFoundResponse();
        }
        try (InputStream in = ConsoleRoutes.class.getResourceAsStream("/console/" + name)) {
            if (in == null) {
                throw new io.javalin.http.NotFoundResponse();
            }
            ctx.contentType(type)
                    // the console loads nothing from elsewhere, and no other site may frame it
                    .header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Cache-Control", "no-cache")
                    .result(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void whoAmI(Context ctx) {
        if (keys.isEmpty()) {
            ctx.json(principal(Principal.localUser(), true).put("signedIn", true));
            return;
        }
        Optional<ConsoleSessions.Session> session = sessions.find(ctx.cookie(SessionAuthenticator.COOKIE));
        if (session.isEmpty()) {
            ctx.json(Json.mapper().createObjectNode().put("signedIn", false).put("localMode", false));
            return;
        }
        ctx.json(principal(session.get().principal(), false).put("signedIn", true).put("csrfToken", session.get().csrfToken()));
    }

    private void signIn(Context ctx) {
        if (keys.isEmpty()) {
            throw ValidationException.field("accessKeyId", "The service runs in local mode: there is no sign-in");
        }
        RequestBody body = RequestBody.of(ctx);
        String id = body.requiredString("accessKeyId", 1, 128);
        String secret = body.requiredString("secretAccessKey", 1, 256);
        AccessKey key = keys.get().get(id);
        if (key == null) {
            throw new AuthenticationException(AuthenticationException.Kind.UNRECOGNIZED_CLIENT,
                    "The access key id is not known to this service");
        }
        if (!MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), key.secretAccessKey().getBytes(StandardCharsets.UTF_8))) {
            throw new AuthenticationException(AuthenticationException.Kind.INVALID_SIGNATURE, "The secret access key is wrong");
        }
        ConsoleSessions.Session session = sessions.open(key.principal());
        ctx.cookie(new Cookie(SessionAuthenticator.COOKIE, session.token(), "/", (int) ConsoleSessions.TTL.toSeconds(),
                ctx.scheme().equals("https"), true, null, SameSite.STRICT));
        ctx.json(principal(key.principal(), false).put("signedIn", true).put("csrfToken", session.csrfToken()));
    }

    private void signOut(Context ctx) {
        sessions.close(ctx.cookie(SessionAuthenticator.COOKIE));
        ctx.cookie(new Cookie(SessionAuthenticator.COOKIE, "", "/", 0, ctx.scheme().equals("https"), true, null,
                SameSite.STRICT));
        ctx.status(204);
    }

    private static ObjectNode principal(Principal p, boolean local) {
        ObjectNode n = Json.mapper().createObjectNode().put("principal", p.name()).put("localMode", local);
        var roles = n.putArray("roles");
        p.roles().stream().map(Role::wireName).sorted().forEach(roles::add);
        return n;
    }
}
