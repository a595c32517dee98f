package com.cedarauthoring.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CompactionPolicyTest {
    private static final long MIB = 1024 * 1024;
    private static final Duration EVERY = Duration.ofMinutes(10);
    private static final Duration RECENT = Duration.ofSeconds(30);

    @Test
    void aDoubledFileIsCompactedOnlyInAQuietMoment() {
        long compacted = 20 * MIB;
        long doubled = 2 * compacted + CompactionPolicy.GROWTH_FLOOR_BYTES + 1;
        assertThat(CompactionPolicy.shouldCompact(doubled, doubled - MIB, compacted, RECENT, EVERY))
                .as("still being written to: requests would wait behind the compaction").isFalse();
        assertThat(CompactionPolicy.shouldCompact(doubled, doubled, compacted, RECENT, EVERY))
                .as("nothing written for a second").isTrue();
    }

    @Test
    void aFileThatNeverStopsGrowingIsCompactedAtTheBusyBound() {
        long compacted = 20 * MIB;
        long bound = CompactionPolicy.BUSY_GROWTH_FACTOR * compacted + CompactionPolicy.BUSY_GROWTH_FLOOR_BYTES;
        assertThat(CompactionPolicy.shouldCompact(bound, bound - MIB, compacted, RECENT, EVERY)).isFalse();
        assertThat(CompactionPolicy.shouldCompact(bound + 1, bound - MIB, compacted, RECENT, EVERY))
                .as("disk is bounded even without a quiet moment").isTrue();
    }

    @Test
    void aGrownFileIsCompactedWhenDueAndQuiet() {
        long compacted = 20 * MIB;
        long grown = compacted + MIB;
        Duration overdue = EVERY.plusSeconds(1);
        assertThat(CompactionPolicy.shouldCompact(grown, grown, compacted, RECENT, EVERY)).isFalse();
        assertThat(CompactionPolicy.shouldCompact(grown, grown, compacted, overdue, EVERY)).isTrue();
        assertThat(CompactionPolicy.shouldCompact(compacted, compacted, compacted, overdue, EVERY))
                .as("an unchanged file has nothing to give back").isFalse();
    }
}
