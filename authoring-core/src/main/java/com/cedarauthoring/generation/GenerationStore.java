package com.cedarauthoring.generation;

import com.cedarauthoring.store.Page;
import com.cedarauthoring.store.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Persistence of generations and their assets. State changes only ever leave GENERATING. */
public interface GenerationStore {

    void insert(PolicyGeneration generation);

    /** The generation, if it belongs to this engine and the engine still exists. */
    Optional<PolicyGeneration> find(String policyEngineId, String policyGenerationId);

    Optional<PolicyGeneration> findById(String policyGenerationId);

    /** Oldest first. */
    Page<PolicyGeneration> list(String policyEngineId, PageRequest page);

    /** In generation order. */
    Page<Asset> assets(String policyGenerationId, PageRequest page);

    Optional<Asset> asset(String policyGenerationId, String policyGenerationAssetId);

    /** Replaces the assets and sets GENERATED, atomically, if the generation is still GENERATING. */
    boolean complete(String policyGenerationId, List<Asset> assets, Instant now);

    /** Sets GENERATE_FAILED with reasons if the generation is still GENERATING. */
    boolean fail(String policyGenerationId, List<String> reasons, Instant now);

    /** Ids of generations still GENERATING that were created before {@code cutoff}. */
    List<String> generatingCreatedBefore(Instant cutoff, int limit);

    /**
     * Deletes up to {@code limit} generations (and their assets) started before {@code cutoff} that are no longer
     * GENERATING, and returns those this call deleted (a concurrent call never returns the same one).
     */
    List<PolicyGeneration> deleteFinishedBefore(Instant cutoff, int limit);
}
