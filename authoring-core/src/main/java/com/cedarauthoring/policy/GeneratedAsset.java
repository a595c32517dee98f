package com.cedarauthoring.policy;

import com.cedarauthoring.findings.Finding;
import java.util.List;
import java.util.Optional;

/** A stored generation asset as the policy feature sees it when creating a policy from it. */
public record GeneratedAsset(String policyEngineId, String policyGenerationId, String policyGenerationAssetId,
                             String gatewayArn, Optional<String> cedar, List<Finding> findings) {
    public GeneratedAsset {
        findings = List.copyOf(findings);
    }
}
