package com.cedarauthoring.api.observe;

import com.cedarauthoring.translate.TranslationOutcome;
import com.cedarauthoring.translate.TranslationRequest;
import com.cedarauthoring.translate.Translator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** The configured translator, timed per requirement by translator and outcome. */
final class TimedTranslator implements Translator {
    private final Translator delegate;
    private final MeterRegistry registry;

    TimedTranslator(Translator delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.registry = registry;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public TranslationOutcome translate(TranslationRequest request) {
        long started = System.nanoTime();
        TranslationOutcome outcome = delegate.translate(request);
        Timer.builder("authoring.translation").description("Translation of one requirement")
                .tag("translator", delegate.name())
                .tag("outcome", outcome instanceof TranslationOutcome.Failed ? "failed" : "translated")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry).record(Duration.ofNanos(System.nanoTime() - started));
        return outcome;
    }
}
