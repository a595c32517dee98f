package com.cedarauthoring.gateway;

import com.cedarauthoring.store.Page;
import com.cedarauthoring.store.PageRequest;
import java.util.List;
import java.util.Optional;

/**
 * Persistence port of the gateway feature. Inserts and updates throw
 * {@link com.cedarauthoring.errors.ConflictException} when a name is already taken. Atomicity across
 * calls comes from the caller's {@link com.cedarauthoring.store.Transactions}; the locking reads below
 * hold their lock until that transaction ends.
 */
public interface GatewayStore {

    void insertGateway(Gateway gateway);

    /** Replaces the stored row of {@code gateway.gatewayId()}; false when it no longer exists. */
    boolean updateGateway(Gateway gateway);

    /** Deletes the gateway and its targets; false when it did not exist. */
    boolean deleteGateway(String gatewayId);

    Optional<Gateway> gateway(String gatewayId);

    /** The gateway, its row locked until the caller's transaction ends (read-modify-write without lost updates). */
    Optional<Gateway> gatewayForUpdate(String gatewayId);

    /**
     * Locks the gateway row for the rest of the transaction and bumps its schema version, so that
     * concurrent target changes on one gateway are serialised and caches keyed by version go stale.
     */
    Optional<Gateway> lockForSchemaChange(String gatewayId);

    /** Gateways in creation order. */
    Page<Gateway> gateways(PageRequest page);

    List<Gateway> gatewaysAttachedTo(String policyEngineArn);

    void insertTarget(GatewayTarget target);

    boolean updateTarget(GatewayTarget target);

    boolean deleteTarget(String gatewayId, String targetId);

    Optional<GatewayTarget> target(String gatewayId, String targetId);

    /** Targets of one gateway in creation order. */
    Page<GatewayTarget> targets(String gatewayId, PageRequest page);

    List<GatewayTarget> allTargets(String gatewayId);
}
