package com.cedarauthoring.generation;

import java.util.List;

/**
 * What the generation feature reports as generations end, for whoever watches (the service's metrics).
 * Called on the job thread after the outcome is stored; must be cheap and must not throw.
 */
public interface GenerationEvents {
    GenerationEvents NONE = new GenerationEvents() {};

    /** Why a generation ended GENERATE_FAILED. */
    enum Failure { PIPELINE, RETRIES_EXHAUSTED, DEADLINE, GATEWAY_DELETED }

    /** A generation ended GENERATED with these assets. */
    default void generated(List<Asset> assets) {}

    /** A generation ended GENERATE_FAILED. */
    default void failed(Failure why) {}
}
