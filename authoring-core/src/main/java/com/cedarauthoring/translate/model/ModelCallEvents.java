package com.cedarauthoring.translate.model;

import java.time.Duration;

/**
 * What the model translator reports about its calls, for whoever watches (the service's metrics).
 * Called on the job thread; must be cheap and must not throw.
 */
public interface ModelCallEvents {
    ModelCallEvents NONE = new ModelCallEvents() {};

    /** How one attempt (one HTTP call to the model) ended. */
    enum Attempt { ANSWERED, THROTTLED, FAILED }

    /** One attempt ended after {@code latency}. */
    default void attempt(Duration latency, Attempt outcome) {}

    /** A failed attempt is tried again after a backoff. */
    default void retry() {}

    /** A call gave up (after its retries, or at once for faults not worth retrying). */
    default void gaveUp() {}
}
