package com.cedarauthoring.generation;

import com.cedarauthoring.findings.Finding;
import java.util.List;
import java.util.Optional;

/**
 * A stored generation asset as the policy and review features see it when creating a policy from it.
 *
 * @param policyGenerationArn the generation's ARN; the asset's audit resource is this ARN + {@code /asset/<id>}
 * @param startedBy           who started the generation (four-eyes)
 */
public record GeneratedAsset(String policyEngineId, String policyGenerationId, String policyGenerationAssetId,
                             String gatewayArn, Optional<String> cedar, List<Finding> findings,
                             String policyGenerationArn, String startedBy) {
    public GeneratedAsset {
        findings = List.copyOf(findings);
        startedBy = startedBy == null ? "local" : startedBy;
    }

    public GeneratedAsset(String policyEngineId, String policyGenerationId, String policyGenerationAssetId,
                          String gatewayArn, Optional<String> cedar, List<Finding> findings) {
        this(policyEngineId, policyGenerationId, policyGenerationAssetId, gatewayArn, cedar, findings,
                "", "local");
    }

    /** The asset's ARN as the audit trail names it (AgentCore gives assets none). */
    public String assetArn() {
        return policyGenerationArn + "/asset/" + policyGenerationAssetId;
    }
}
