package com.cedarauthoring.api.http;

import io.javalin.config.RoutesConfig;

/** One feature's routes. Each feature package of the API contributes one; ApiApp installs them all. */
public interface RouteModule {
    void register(RoutesConfig routes);
}
