package com.cedarauthoring.translate;

import java.util.List;

/** What a translator returns for one requirement. Bad model output is a candidate with findings, not a failure. */
public sealed interface TranslationOutcome {

    /** One or more candidates (several for an ambiguous requirement read more than one way). */
    record Candidates(List<Candidate> candidates) implements TranslationOutcome {
        public Candidates {
            candidates = List.copyOf(candidates);
            if (candidates.isEmpty()) {
                throw new IllegalArgumentException("at least one candidate");
            }
        }
    }

    /**
     * The translator could not run (model unreachable, credentials expired...). {@code reason} is shown
     * to the user as a status reason and must say what to do; {@code retryable} lets the job engine retry.
     */
    record Failed(String reason, boolean retryable) implements TranslationOutcome {}
}
