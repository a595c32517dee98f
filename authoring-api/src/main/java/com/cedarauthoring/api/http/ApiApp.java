package com.cedarauthoring.api.http;

import com.cedarauthoring.api.auth.Access;
import com.cedarauthoring.api.auth.Security;
import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.json.Json;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.util.List;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Builds the (unstarted) Javalin app from feature route modules. No static state. */
public final class ApiApp {
    /** Name prefix of the request threads (thread dumps, logs). */
    public static final String REQUEST_THREADS = "http";

    private ApiApp() {}

    /** Local mode (every caller is {@code local} with every role): feature tests. */
    public static Javalin create(String host, List<RouteModule> modules) {
        return create(host, modules, Security.local());
    }

    /** A registered route and the access it declares (empty: it declared none, and is refused). */
    public record DeclaredRoute(String method, String path, java.util.Set<Access> access) {}

    /** Every HTTP route of a built app, in registration order. */
    public static List<DeclaredRoute> routes(Javalin app) {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(e -> e.endpoint)
                .filter(e -> e.method.isHttpMethod())
                .map(e -> {
                    io.javalin.security.Roles roles = e.metadata(io.javalin.security.Roles.class);
                    return new DeclaredRoute(e.method.name(), e.path,
                            Security.declared(roles == null ? java.util.Set.of() : roles.getRoles()));
                })
                .toList();
    }

    /**
     * Jetty's request threads (Javalin's defaults: 8-250 threads, idle 60 s), made by Cedar's large-stack
     * factory. Authorize, test runs and the MCP endpoint evaluate policies on the request thread; on these
     * threads Cedar runs inline instead of handing each request to its own pool and waiting, a hand-off
     * that cost as much as the evaluation itself (benchmarks/RESULTS.md, issue 11). The 64 MiB stacks are
     * reserved address space, committed only as deep as a call goes.
     */
    static QueuedThreadPool requestThreads() {
        QueuedThreadPool pool = new QueuedThreadPool(250, 8, 60_000, -1, null, null, Cedar.largeStackThreads(REQUEST_THREADS));
        pool.setName(REQUEST_THREADS);
        return pool;
    }

    /**
     * @param security authentication and the role check every route declares (routes without one are refused).
     *                 The audit trail is not an HTTP concern: each service appends its events in the transaction
     *                 of the change they record.
     */
    public static Javalin create(String host, List<RouteModule> modules, Security security) {
        return Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(Json.copy(), false));
            config.jetty.host = host;
            config.startup.showJavalinBanner = false;
            config.jetty.threadPool = requestThreads();
            // Our own limit (RequestBody.MAX_BYTES) answers with an AgentCore error; Jetty's must sit above it.
            config.http.maxRequestSize = RequestBody.MAX_BYTES * 2L;
            // AgentCore paths are written with and without a trailing slash by different SDK versions.
            config.router.ignoreTrailingSlashes = true;
            config.router.treatMultipleSlashesAsSingleSlash = true;
            // Jetty's own errors (bad request line, URI or headers over 8 KB, %00 in a path) as AgentCore JSON too.
            JettyErrors jettyErrors = new JettyErrors();
            config.jetty.modifyServer(server -> server.setErrorHandler(jettyErrors));
            config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(jettyErrors));
            ErrorMapper.register(config.routes);
            security.register(config.routes);
            modules.forEach(m -> m.register(config.routes));
        });
    }
}
