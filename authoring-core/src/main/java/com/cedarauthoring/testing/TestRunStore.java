package com.cedarauthoring.testing;

import com.cedarauthoring.store.Page;
import com.cedarauthoring.store.PageRequest;
import java.util.Optional;

/** Persistence port for saved test runs; lists are newest first. */
public interface TestRunStore {
    void insert(SavedTestRun run);

    /** Runs of an engine, or only those attached to one asset. */
    Page<SavedTestRun> list(String policyEngineId, Optional<SavedTestRun.AssetRef> attachedTo, PageRequest page);
}
