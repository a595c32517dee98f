package com.cedarauthoring.translate.model;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * How translation is done and, for the model modes, how Bedrock is reached.
 *
 * @param mode                 rules, bedrock or hybrid
 * @param modelId              Bedrock model id or inference profile id (checked by {@link RegionPinning})
 * @param region               the service region; the Bedrock client is built for this region only
 * @param bedrockEndpoint      endpoint override (VPC endpoint, proxy, test stub)
 * @param maxModelConcurrency  model calls in flight at most, across all generations
 * @param repairAttempts       how often an invalid answer is sent back with the validator's messages
 * @param modelTimeout         one model call, end to end (SDK apiCallTimeout)
 * @param retry                bounded retries for throttling and 5xx
 * @param structuredOutput     ask Bedrock for JSON-schema structured output (turn off for models without it)
 */
public record ModelTranslatorConfig(Mode mode, String modelId, String region, Optional<URI> bedrockEndpoint,
                                    int maxModelConcurrency, int repairAttempts, Duration modelTimeout,
                                    Retry retry, boolean structuredOutput) {

    public static final int DEFAULT_REPAIR_ATTEMPTS = 2;
    public static final int DEFAULT_MAX_MODEL_CONCURRENCY = 4;
    public static final Duration DEFAULT_MODEL_TIMEOUT = Duration.ofSeconds(60);

    public enum Mode {
        RULES, BEDROCK, HYBRID;

        /** Parses {@code rules|bedrock|hybrid} (any case). */
        public static Mode parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("translator must be rules, bedrock or hybrid, not " + text);
            }
        }

        public boolean usesModel() {
            return this != RULES;
        }
    }

    /**
     * Exponential backoff with full jitter: attempt n waits a random time in [0, min(max, base * 2^n)].
     *
     * @param maxRetries retries after the first call (so at most maxRetries + 1 calls)
     */
    public record Retry(int maxRetries, Duration baseDelay, Duration maxDelay) {
        public static final Retry DEFAULT = new Retry(3, Duration.ofMillis(500), Duration.ofSeconds(8));

        public Retry {
            if (maxRetries < 0 || maxRetries > 10) {
                throw new IllegalArgumentException("retries must be between 0 and 10, not " + maxRetries);
            }
            if (baseDelay == null || baseDelay.isNegative() || maxDelay == null || maxDelay.compareTo(baseDelay) < 0) {
                throw new IllegalArgumentException("retry delays must satisfy 0 <= base <= max");
            }
        }
    }

    public ModelTranslatorConfig {
        if (mode == null) {
            throw new IllegalArgumentException("translator mode is required");
        }
        bedrockEndpoint = bedrockEndpoint == null ? Optional.empty() : bedrockEndpoint;
        retry = retry == null ? Retry.DEFAULT : retry;
        modelTimeout = modelTimeout == null ? DEFAULT_MODEL_TIMEOUT : modelTimeout;
        if (repairAttempts < 0 || repairAttempts > 10) {
            throw new IllegalArgumentException("repair attempts must be between 0 and 10, not " + repairAttempts);
        }
        if (maxModelConcurrency < 1 || maxModelConcurrency > 1_000) {
            throw new IllegalArgumentException("max model concurrency must be between 1 and 1000, not "
                    + maxModelConcurrency);
        }
        if (modelTimeout.isNegative() || modelTimeout.isZero()) {
            throw new IllegalArgumentException("model timeout must be positive, not " + modelTimeout);
        }
        if (mode.usesModel()) {
            if (modelId == null || modelId.isBlank()) {
                throw new IllegalArgumentException("translator " + mode.name().toLowerCase(Locale.ROOT)
                        + " needs a model id (--model-id)");
            }
            if (region == null || region.isBlank()) {
                throw new IllegalArgumentException("translator " + mode.name().toLowerCase(Locale.ROOT)
                        + " needs the service region (--region)");
            }
        }
        bedrockEndpoint.ifPresent(uri -> {
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("Bedrock endpoint must be an http(s) URL, not " + uri);
            }
        });
    }

    /**
     * Parses a timeout as written on a command line or in an environment variable: {@code 90} (seconds),
     * {@code 90s}, {@code 1500ms}, {@code 2m}, or ISO-8601 ({@code PT90S}).
     */
    public static Duration parseDuration(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("pt")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).strip()));
            }
            if (t.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1).strip()));
            }
            if (t.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1).strip()));
            }
            return Duration.ofSeconds(Long.parseLong(t));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a duration (use 90, 90s, 1500ms, 2m or PT90S): " + text);
        }
    }

    /** The rules translator only: no model settings needed. */
    public static ModelTranslatorConfig rulesOnly() {
        return new ModelTranslatorConfig(Mode.RULES, null, null, Optional.empty(), DEFAULT_MAX_MODEL_CONCURRENCY,
                DEFAULT_REPAIR_ATTEMPTS, DEFAULT_MODEL_TIMEOUT, Retry.DEFAULT, true);
    }

    /** The CLI/environment shape: everything but retry (default) and structured output (on). */
    public static ModelTranslatorConfig of(Mode mode, String modelId, String region, Optional<URI> bedrockEndpoint,
                                           int maxModelConcurrency, int repairAttempts, Duration modelTimeout) {
        return new ModelTranslatorConfig(mode, modelId, region, bedrockEndpoint, maxModelConcurrency,
                repairAttempts, modelTimeout, Retry.DEFAULT, true);
    }

    public ModelTranslatorConfig withRetry(Retry newRetry) {
        return new ModelTranslatorConfig(mode, modelId, region, bedrockEndpoint, maxModelConcurrency,
                repairAttempts, modelTimeout, newRetry, structuredOutput);
    }

    public ModelTranslatorConfig withStructuredOutput(boolean on) {
        return new ModelTranslatorConfig(mode, modelId, region, bedrockEndpoint, maxModelConcurrency,
                repairAttempts, modelTimeout, retry, on);
    }

    /** For the start-up log line: never includes credentials. */
    public String describe() {
        return mode.usesModel()
                ? mode.name().toLowerCase(Locale.ROOT) + " (model " + modelId + ", max " + maxModelConcurrency + " concurrent calls)"
                : "rules";
    }
}
