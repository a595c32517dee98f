package com.cedarauthoring.api.http;

import com.cedarauthoring.api.auth.Access;
import io.javalin.config.RoutesConfig;
import java.util.Map;

/** {@code GET /health}: the process is up and its database answers. */
public final class HealthRoutes implements RouteModule {
    private final java.util.function.BooleanSupplier databaseUp;

    public HealthRoutes(java.util.function.BooleanSupplier databaseUp) {
        this.databaseUp = databaseUp;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/health", ctx -> {
            boolean up = databaseUp.getAsBoolean();
            ctx.status(up ? 200 : 503).json(Map.of("status", up ? "UP" : "DOWN"));
        }, Access.PUBLIC);
    }
}
