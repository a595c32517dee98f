package com.cedarauthoring.generation;

import java.time.Duration;

/**
 * How generation jobs run.
 *
 * @param threads         concurrent generation jobs per instance (bounded work; never HTTP threads)
 * @param pollingInterval how often the job engine looks for due jobs (new jobs also start immediately)
 * @param deadline        a generation still GENERATING this long after it started ends GENERATE_FAILED
 * @param heartbeat       job heartbeat; a job whose instance died is picked up again after a few missed beats
 * @param sweepInterval   how often overdue generations are looked for
 * @param maxRetries      retries of a failed job (retryable translator failures, crashes) before giving up
 * @param retryBackoff    first retry delay, doubled on each retry
 * @param retention       generations and their assets are deleted this long after they started (AgentCore: 7 days)
 * @param keepModelResponses store the model's raw answer in each asset's provenance (large; off by default)
 */
public record GenerationSettings(int threads, Duration pollingInterval, Duration deadline, Duration heartbeat,
                                 Duration sweepInterval, int maxRetries, Duration retryBackoff, Duration retention,
                                 boolean keepModelResponses) {
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

    public GenerationSettings {
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("generation threads must be 1-256: " + threads);
        }
        requirePositive("polling interval", pollingInterval);
        requirePositive("deadline", deadline);
        requirePositive("heartbeat", heartbeat);
        requirePositive("sweep interval", sweepInterval);
        requirePositive("retry backoff", retryBackoff);
        requirePositive("retention", retention);
        if (maxRetries < 0 || maxRetries > 100) {
            throw new IllegalArgumentException("generation retries must be 0-100: " + maxRetries);
        }
    }

    public static GenerationSettings defaults() {
        return new GenerationSettings(4, Duration.ofMillis(500), Duration.ofSeconds(60), Duration.ofSeconds(2),
                Duration.ofSeconds(5), 3, Duration.ofMillis(500), DEFAULT_RETENTION, false);
    }

    public GenerationSettings withThreads(int n) {
        return new GenerationSettings(n, pollingInterval, deadline, heartbeat, sweepInterval, maxRetries, retryBackoff, retention, keepModelResponses);
    }

    public GenerationSettings withDeadline(Duration d) {
        return new GenerationSettings(threads, pollingInterval, d, heartbeat, sweepInterval, maxRetries, retryBackoff, retention, keepModelResponses);
    }

    public GenerationSettings withHeartbeat(Duration d) {
        return new GenerationSettings(threads, pollingInterval, deadline, d, sweepInterval, maxRetries, retryBackoff, retention, keepModelResponses);
    }

    public GenerationSettings withSweepInterval(Duration d) {
        return new GenerationSettings(threads, pollingInterval, deadline, heartbeat, d, maxRetries, retryBackoff, retention, keepModelResponses);
    }

    public GenerationSettings withRetries(int n, Duration backoff) {
        return new GenerationSettings(threads, pollingInterval, deadline, heartbeat, sweepInterval, n, backoff, retention, keepModelResponses);
    }

    public GenerationSettings withRetention(Duration d) {
        return new GenerationSettings(threads, pollingInterval, deadline, heartbeat, sweepInterval, maxRetries, retryBackoff,
                d, keepModelResponses);
    }

    public GenerationSettings withModelResponsesKept(boolean keep) {
        return new GenerationSettings(threads, pollingInterval, deadline, heartbeat, sweepInterval, maxRetries, retryBackoff,
                retention, keep);
    }

    /** How often expired generations are looked for: hourly, or more often for a short retention. */
    public Duration purgeInterval() {
        Duration tenth = retention.dividedBy(10);
        return tenth.compareTo(Duration.ofHours(1)) < 0 ? (tenth.isZero() ? Duration.ofMillis(1) : tenth) : Duration.ofHours(1);
    }

    /** A retention period: {@code 7d}, {@code 12h}, {@code 30m}, {@code 90s} or ISO-8601 ({@code P7D}, {@code PT12H}). */
    public static Duration parseRetention(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(java.util.Locale.ROOT));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1).strip());
            return switch (t.charAt(t.length() - 1)) {
                case 'd' -> Duration.ofDays(n);
                case 'h' -> Duration.ofHours(n);
                case 'm' -> Duration.ofMinutes(n);
                case 's' -> Duration.ofSeconds(n);
                default -> throw new IllegalArgumentException(t);
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a retention period (use 7d, 12h, 30m, 90s or P7D): " + text);
        }
    }

    private static void requirePositive(String what, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("generation " + what + " must be positive: " + d);
        }
    }
}
