package com.cedarauthoring.api.observe;

import com.cedarauthoring.api.http.RouteModule;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The one before/after handler pair every request passes: gives it a request id (returned in
 * {@code x-amzn-RequestId}, as AgentCore does, and put in the logging context so every log line the
 * request causes carries it), and times it by AgentCore operation and status.
 */
final class RequestObservation implements RouteModule {
    static final String REQUEST_ID_HEADER = "x-amzn-RequestId";
    static final String MDC_KEY = "requestId";
    private static final String STARTED = RequestObservation.class.getName() + ".started";
    // One line per request (turn off with this logger's level): with --log-format json it is the line
    // that joins a client's x-amzn-RequestId to the operation, status and latency.
    private static final Logger access = LoggerFactory.getLogger("com.cedarauthoring.api.access");

    private final MeterRegistry registry;
    // one timer per operation, method and status: looked up by a string instead of building tags per request
    private final java.util.concurrent.ConcurrentHashMap<String, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();

    RequestObservation(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.before(this::begin);
        routes.after(this::end);
    }

    private void begin(Context ctx) {
        String id = requestId();
        ctx.attribute(STARTED, System.nanoTime());
        ctx.header(REQUEST_ID_HEADER, id);
        MDC.put(MDC_KEY, id);
    }

    /**
     * A random (version 4) UUID, as AgentCore's request ids are. It correlates log lines and is no secret, so
     * it comes from the thread's fast generator instead of {@link UUID#randomUUID()}'s shared SecureRandom.
     */
    static String requestId() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private void end(Context ctx) {
        try {
            Long started = ctx.attribute(STARTED);
            if (started == null) {
                return;
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
            String method = ctx.method().name();
            String operation = Operations.of(method, matched == null ? null : matched.path);
            int status = ctx.statusCode();
            timers.computeIfAbsent(operation + ' ' + method + ' ' + status, k -> Timer.builder("http.server.requests")
                    .description("HTTP requests by AgentCore operation and status")
                    .tag("operation", operation)
                    .tag("method", method)
                    .tag("status", Integer.toString(status))
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofSeconds(10))
                    .register(registry))
                    .record(elapsed);
            access.info("{} {} {} {} {} us", operation, method, ctx.path(), ctx.statusCode(), elapsed.toNanos() / 1000);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }
}
