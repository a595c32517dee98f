/**
 * What an operator sees: {@code GET /metrics} (Micrometer's Prometheus registry) and the request id
 * every log line and response carries. All instrumentation lives here: one before/after handler for
 * HTTP, and small meter classes that implement the core's event ports.
 */
package com.cedarauthoring.api.observe;
