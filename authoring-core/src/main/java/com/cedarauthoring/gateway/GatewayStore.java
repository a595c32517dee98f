package com.cedarauthoring.gateway;

import com.cedarauthoring.store.Page;
import com.cedarauthoring.store.PageRequest;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Persistence port of the gateway feature. Inserts and updates throw
 * {@link com.cedarauthoring.errors.ConflictException} when a name is already taken.
 */
public interface GatewayStore {

    /** Runs {@code work} atomically; nested calls join the outer transaction. */
    <T> T inTransaction(Supplier<T> work);

    /** A create request's clientToken and the hash of the rest of the request (idempotency). */
    record ClientToken(String token, String requestHash) {}

    /** Inserts; {@code clientToken} may be null. */
    void insertGateway(Gateway gateway, ClientToken clientToken);

    /** The gateway created with this clientToken, and that request's hash. */
    Optional<ClientTokenUse> gatewayByClientToken(String token);

    /** What a clientToken was used for. */
    record ClientTokenUse(String id, String requestHash) {}

    /** Replaces the stored row of {@code gateway.gatewayId()}; false when it no longer exists. */
    boolean updateGateway(Gateway gateway);

    /** Deletes the gateway and its targets; false when it did not exist. */
    boolean deleteGateway(String gatewayId);

    Optional<Gateway> gateway(String gatewayId);

    /**
     * Locks the gateway row for the rest of the transaction and bumps its schema version, so that
     * concurrent target changes on one gateway are serialised and caches keyed by version go stale.
     */
    Optional<Gateway> lockForSchemaChange(String gatewayId);

    /** Gateways in creation order. */
    Page<Gateway> gateways(PageRequest page);

    List<Gateway> gatewaysAttachedTo(String policyEngineArn);

    /** Inserts; {@code clientToken} may be null. */
    void insertTarget(GatewayTarget target, ClientToken clientToken);

    /** The target of this gateway created with this clientToken, and that request's hash. */
    Optional<ClientTokenUse> targetByClientToken(String gatewayId, String token);

    boolean updateTarget(GatewayTarget target);

    boolean deleteTarget(String gatewayId, String targetId);

    Optional<GatewayTarget> target(String gatewayId, String targetId);

    /** Targets of one gateway in creation order. */
    Page<GatewayTarget> targets(String gatewayId, PageRequest page);

    List<GatewayTarget> allTargets(String gatewayId);
}
