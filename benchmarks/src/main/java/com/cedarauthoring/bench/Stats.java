package com.cedarauthoring.bench;

import java.util.Arrays;

/** Latency percentiles over recorded nanosecond samples. */
record Stats(long count, double p50ms, double p90ms, double p99ms, double maxMs) {
    static Stats of(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return new Stats(0, 0, 0, 0, 0);
        }
        return new Stats(sorted.length, ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double ms(long[] sorted, double q) {
        int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    @Override
    public String toString() {
        return String.format("n=%d p50=%.2f ms p90=%.2f ms p99=%.2f ms max=%.2f ms", count, p50ms, p90ms, p99ms, maxMs);
    }
}
