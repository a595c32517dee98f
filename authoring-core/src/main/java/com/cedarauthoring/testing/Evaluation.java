package com.cedarauthoring.testing;

import com.cedarauthoring.cedar.Decision;
import java.util.Objects;

/**
 * The answer to one request.
 *
 * @param enforced what the engine decides: ACTIVE policies (and candidates) only
 * @param logOnly  what it would decide if its LOG_ONLY policies were enforced too
 */
public record Evaluation(Decision enforced, Decision logOnly) {
    public Evaluation {
        Objects.requireNonNull(enforced, "enforced");
        Objects.requireNonNull(logOnly, "logOnly");
    }
}
