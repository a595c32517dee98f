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
 */
public record GenerationSettings(int threads, Duration pollingInterval, Duration deadline, Duration heartbeat,
                                 Duration sweepInterval, int maxRetries, Duration retryBackoff) {
    public GenerationSettings {
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("generation threads must be 1-256: " + threads);
        }
        requirePositive("polling interval", pollingInterval);
        requirePositive("deadline", deadline);
        requirePositive("heartbeat", heartbeat);
        requirePositive("sweep interval", sweepInterval);
        requirePositive("retry backoff", retryBackoff);
        if (maxRetries < 0 || maxRetries > 100) {
            throw new IllegalArgumentException("generation retries must be 0-100: " + maxRetries);
        }
    }

    public static GenerationSettings defaults() {
        return new GenerationSettings(4, Duration.ofMillis(500), Duration.ofSeconds(60), Duration.ofSeconds(2),
                Duration.ofSeconds(5), 3, Duration.ofMillis(500));
    }

    public GenerationSettings withThreads(int n) {
        return new GenerationSettings(n, pollingInterval, deadline, heartbeat, sweepInterval, maxRetries, retryBackoff);
    }

    public GenerationSettings withDeadline(Duration d) {
        return new GenerationSettings(threads, pollingInterval, d, heartbeat, sweepInterval, maxRetries, retryBackoff);
    }

    public GenerationSettings withHeartbeat(Duration d) {
        return new GenerationSettings(threads, pollingInterval, deadline, d, sweepInterval, maxRetries, retryBackoff);
    }

    public GenerationSettings withSweepInterval(Duration d) {
        return new GenerationSettings(threads, pollingInterval, deadline, heartbeat, d, maxRetries, retryBackoff);
    }

    public GenerationSettings withRetries(int n, Duration backoff) {
        return new GenerationSettings(threads, pollingInterval, deadline, heartbeat, sweepInterval, n, backoff);
    }

    private static void requirePositive(String what, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("generation " + what + " must be positive: " + d);
        }
    }
}
