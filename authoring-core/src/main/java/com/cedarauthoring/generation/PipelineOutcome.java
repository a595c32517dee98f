package com.cedarauthoring.generation;

import java.util.List;

/** What one run of the generation pipeline ends with. */
public sealed interface PipelineOutcome {

    /** Every requirement was turned into assets (some may carry error findings: that is data, not failure). */
    record Completed(List<AssetDraft> assets) implements PipelineOutcome {
        public Completed {
            assets = List.copyOf(assets);
        }
    }

    /** A translator could not run; {@code reason} is shown to the user, {@code retryable} lets the job retry. */
    record Failed(String reason, boolean retryable) implements PipelineOutcome {}
}
