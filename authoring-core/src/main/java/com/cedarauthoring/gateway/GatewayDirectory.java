package com.cedarauthoring.gateway;

import java.util.List;
import java.util.Optional;

/** Read access to gateway schemas for other features (policies, generation). Implemented by the gateway feature. */
public interface GatewayDirectory {

    /** The derived schema of the gateway with this ARN, if this service has that gateway. */
    Optional<GatewaySchema> schemaByArn(String gatewayArn);

    /** Schemas of every gateway whose {@code policyEngineConfiguration.arn} is this engine ARN. */
    List<GatewaySchema> schemasAttachedTo(String policyEngineArn);

    /** ARNs of the gateways whose {@code policyEngineConfiguration.arn} is this engine ARN. */
    default List<String> gatewayArnsAttachedTo(String policyEngineArn) {
        return schemasAttachedTo(policyEngineArn).stream().map(GatewaySchema::gatewayArn).toList();
    }
}
