package com.cedarauthoring.store;

import java.time.Duration;

/**
 * When the embedded file is compacted. Every commit appends to the file (space reuse is off, see
 * {@link EmbeddedFile}), so under load it grows quickly; but compaction makes every commit wait (1-3 s
 * measured under load, whatever H2's time budget), which a steady stream of requests sees as a latency
 * spike. So compaction waits for a quiet moment (the file did not grow since the previous check, a
 * second ago): then it runs once the file has doubled (plus 16 MiB) since the last compaction, or at
 * least every {@code every} if it grew at all. A file that keeps growing without a quiet moment is
 * compacted anyway at 8 times its compacted size plus 256 MiB, which bounds the disk it can take.
 */
final class CompactionPolicy {
    static final long GROWTH_FLOOR_BYTES = 16L * 1024 * 1024;
    static final int BUSY_GROWTH_FACTOR = 8;
    static final long BUSY_GROWTH_FLOOR_BYTES = 256L * 1024 * 1024;

    private CompactionPolicy() {}

    /**
     * @param size                the file's size now
     * @param sizeAtLastCheck     its size at the previous check (equal: nothing was written since)
     * @param sizeAfterCompaction its size right after the last compaction
     * @param sinceLastCompaction time since the last compaction
     * @param every               the longest a grown file waits for a compaction when quiet
     */
    static boolean shouldCompact(long size, long sizeAtLastCheck, long sizeAfterCompaction,
                                 Duration sinceLastCompaction, Duration every) {
        boolean quiet = size == sizeAtLastCheck;
        boolean doubled = size > 2 * sizeAfterCompaction + GROWTH_FLOOR_BYTES;
        boolean due = sinceLastCompaction.compareTo(every) > 0 && size > sizeAfterCompaction;
        boolean mustNow = size > BUSY_GROWTH_FACTOR * sizeAfterCompaction + BUSY_GROWTH_FLOOR_BYTES;
        return mustNow || quiet && (doubled || due);
    }
}
