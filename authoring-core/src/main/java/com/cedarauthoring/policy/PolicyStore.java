package com.cedarauthoring.policy;

import com.cedarauthoring.store.Page;
import com.cedarauthoring.store.PageRequest;
import java.util.List;
import java.util.Optional;

/**
 * Persistence port for policy engines and policies. Lists are in creation order. Inserts that break
 * name uniqueness (engine names per account, policy names per engine) throw
 * {@link com.cedarauthoring.errors.ConflictException}.
 */
public interface PolicyStore {
    void insertEngine(PolicyEngine engine);

    Optional<PolicyEngine> findEngine(String policyEngineId);

    /**
     * The engine, its row locked until the caller's transaction ends: updates apply to the latest state,
     * and a policy created under the lock cannot lose its engine to a concurrent delete.
     */
    Optional<PolicyEngine> findEngineForUpdate(String policyEngineId);

    /**
     * Locks the engine's row until the caller's transaction ends, as {@link #findEngineForUpdate} does, without
     * reading it; false when the engine does not exist. A policy created under this lock cannot lose its engine
     * to a concurrent delete ({@link #deleteEngineIfEmpty} locks the row too, so one waits for the other).
     */
    boolean lockEngine(String policyEngineId);

    Page<PolicyEngine> listEngines(PageRequest page);

    void updateEngine(PolicyEngine engine);

    /**
     * ARNs of the gateways whose {@code policyEngineConfiguration} names this engine. Read from the gateways'
     * own table: the gateway feature owns attachments, and asking the store keeps this feature free of the
     * gateway feature's classes (gateways already depend on engines to check an engine exists on attach).
     */
    List<String> gatewaysReferencing(String policyEngineArn);

    /**
     * Deletes an engine that has no policies; false when it still has some (nothing is deleted). Locks the
     * engine first, so it serialises with policy creates that lock it.
     */
    boolean deleteEngineIfEmpty(String policyEngineId);

    /** Throws ResourceNotFoundException when the engine is gone, ConflictException when the name is taken. */
    void insertPolicy(Policy policy);

    Optional<Policy> findPolicy(String policyEngineId, String policyId);

    /** The policy, its row locked until the caller's transaction ends (read-modify-write without lost updates). */
    Optional<Policy> findPolicyForUpdate(String policyEngineId, String policyId);

    /**
     * @param resourceScope when present, only policies scoped to that resource or not scoped at all
     */
    Page<Policy> listPolicies(String policyEngineId, Optional<String> resourceScope, PageRequest page);

    void updatePolicy(Policy policy);

    boolean deletePolicy(String policyEngineId, String policyId);
}
