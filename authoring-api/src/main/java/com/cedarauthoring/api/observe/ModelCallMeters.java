package com.cedarauthoring.api.observe;

import com.cedarauthoring.translate.model.ModelCallEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** Model calls: latency of every attempt by how it ended, retries, throttles and calls given up. */
final class ModelCallMeters implements ModelCallEvents {
    private final MeterRegistry registry;
    private final Counter retries;
    private final Counter throttles;
    private final Counter failures;

    ModelCallMeters(MeterRegistry registry) {
        this.registry = registry;
        this.retries = Counter.builder("authoring.model.retries").description("Model call attempts tried again")
                .register(registry);
        this.throttles = Counter.builder("authoring.model.throttles").description("Model call attempts throttled (429)")
                .register(registry);
        this.failures = Counter.builder("authoring.model.failures")
                .description("Model calls given up (after retries, or at once when not worth retrying)").register(registry);
    }

    @Override
    public void attempt(Duration latency, Attempt outcome) {
        Timer.builder("authoring.model.calls").description("Model call attempts by outcome")
                .tag("outcome", outcome.name())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(2))
                .register(registry).record(latency);
        if (outcome == Attempt.THROTTLED) {
            throttles.increment();
        }
    }

    @Override
    public void retry() {
        retries.increment();
    }

    @Override
    public void gaveUp() {
        failures.increment();
    }
}
