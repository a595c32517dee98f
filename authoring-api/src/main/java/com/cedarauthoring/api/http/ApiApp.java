package com.cedarauthoring.api.http;

import com.cedarauthoring.json.Json;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.util.List;

/** Builds the (unstarted) Javalin app from feature route modules. No static state. */
public final class ApiApp {
    private ApiApp() {}

    public static Javalin create(String host, List<RouteModule> modules) {
        return Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(Json.copy(), false));
            config.jetty.host = host;
            config.startup.showJavalinBanner = false;
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
            modules.forEach(m -> m.register(config.routes));
        });
    }
}
