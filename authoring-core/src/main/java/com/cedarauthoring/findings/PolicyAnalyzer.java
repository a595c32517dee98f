package com.cedarauthoring.findings;

import com.cedarauthoring.gateway.GatewaySchema;
import java.util.List;

/**
 * Scope analysis of one schema-valid policy: ALLOW_ALL / ALLOW_NONE / DENY_ALL / DENY_NONE, exact for
 * the Cedar fragment this service emits (cedar-conventions.md section 4). Works on Cedar's EST, so it
 * judges any translator's output the same way.
 */
public final class PolicyAnalyzer {

    /** Findings of the scope analysis; empty when the policy is neither vacuous nor universal. */
    public List<Finding> analyze(String cedarPolicy, GatewaySchema schema) {
        throw new UnsupportedOperationException("implemented by the analysis work (branch analysis)");
    }
}
