package com.cedarauthoring.policy;

import com.cedarauthoring.findings.Finding;
import com.cedarauthoring.gateway.GatewaySchema;
import java.util.List;

/**
 * The analyzer as the policy feature needs it (FAIL_ON_ANY_FINDINGS). Wired to
 * {@code new PolicyAnalyzer(cedar)::analyze}; a port of our own so tests can supply findings.
 */
@FunctionalInterface
public interface PolicyFindings {
    List<Finding> analyze(String cedarPolicy, GatewaySchema schema);
}
