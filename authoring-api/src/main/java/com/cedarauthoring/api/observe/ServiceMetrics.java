package com.cedarauthoring.api.observe;

import com.cedarauthoring.api.http.RouteModule;
import com.cedarauthoring.generation.GenerationEvents;
import com.cedarauthoring.generation.GenerationJobs;
import com.cedarauthoring.store.Database;
import com.cedarauthoring.translate.Translator;
import com.cedarauthoring.translate.model.ModelCallEvents;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import com.cedarauthoring.api.auth.Access;
import java.util.List;
import java.util.function.Supplier;

/**
 * The service's meters in one Micrometer Prometheus registry, and the pieces that feed it: the HTTP
 * before/after handler, the core's event ports, the timed translator, the job queue and pool gauges.
 * {@link #routes()} also serves {@code GET /metrics} in Prometheus text format.
 */
public final class ServiceMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public ServiceMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gc.bindTo(registry);
    }

    /** Request ids and HTTP meters for every route, and {@code GET /metrics}. Install before the features. */
    public List<RouteModule> routes() {
        return List.of(new RequestObservation(registry), routes -> routes.get("/metrics", ctx ->
                ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()),
                // scraped by Prometheus, which cannot sign requests; counts and timings only, no data or secrets
                Access.PUBLIC));
    }

    public GenerationEvents generations() {
        return new GenerationMeters(registry);
    }

    public ModelCallEvents modelCalls() {
        return new ModelCallMeters(registry);
    }

    public Translator timed(Translator translator) {
        return new TimedTranslator(translator, registry);
    }

    /**
     * Generation jobs due and not yet running, cluster-wide, and how long the oldest has waited. Read
     * from the database at most once a second however often it is scraped.
     */
    public void watchQueue(Supplier<GenerationJobs.Queue> queue) {
        Supplier<GenerationJobs.Queue> recent = new Memo<>(queue, 1_000);
        Gauge.builder("authoring.generation.jobs.waiting", () -> recent.get().waiting())
                .description("Generation jobs due and waiting for a thread (all instances)").register(registry);
        Gauge.builder("authoring.generation.jobs.oldest.wait", () -> recent.get().oldestWait().toMillis() / 1000.0)
                .description("Seconds the oldest waiting generation job has been due").baseUnit("seconds")
                .register(registry);
    }

    /** The connection pool's meters ({@code hikaricp_*}). */
    public void watchPool(Database database) {
        database.publishPoolMetrics(registry);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }

    /** A value recomputed at most every {@code millis}. */
    private static final class Memo<T> implements Supplier<T> {
        private final Supplier<T> source;
        private final long nanos;
        private T value;
        private long at;

        Memo(Supplier<T> source, long millis) {
            this.source = source;
            this.nanos = millis * 1_000_000;
        }

        @Override
        public synchronized T get() {
            long now = System.nanoTime();
            if (value == null || now - at > nanos) {
                value = source.get();
                at = now;
            }
            return value;
        }
    }
}
