package com.cedarauthoring.audit;

import java.util.Optional;

/**
 * The result of re-walking the chain.
 *
 * @param events             events read
 * @param firstBrokenEventId the first event whose hash or link does not hold (or that follows a gap)
 * @param problem            what was wrong, in words
 */
public record Verification(boolean intact, long events, Optional<String> firstBrokenEventId, Optional<String> problem) {
    public static Verification ok(long events) {
        return new Verification(true, events, Optional.empty(), Optional.empty());
    }

    public static Verification broken(long events, String eventId, String problem) {
        return new Verification(false, events, Optional.ofNullable(eventId), Optional.of(problem));
    }
}
