package com.cedarauthoring.gateway;

/**
 * The gateway feature's view of policy engines (owned here, implemented by the wiring over the policy
 * feature, so gateway does not depend on policy): does an engine with this ARN exist?
 */
@FunctionalInterface
public interface PolicyEngineLookup {
    boolean exists(String policyEngineArn);
}
