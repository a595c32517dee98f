package com.cedarauthoring.api.observe;

import java.util.Map;

/**
 * The AgentCore operation a matched route serves, for the {@code operation} tag of the HTTP meters.
 * Routes not listed are named {@code "<METHOD> <path template>"}, so cardinality stays bounded.
 */
final class Operations {
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("POST /gateways", "CreateGateway"),
            Map.entry("GET /gateways", "ListGateways"),
            Map.entry("GET /gateways/{gatewayIdentifier}", "GetGateway"),
            Map.entry("PUT /gateways/{gatewayIdentifier}", "UpdateGateway"),
            Map.entry("PATCH /gateways/{gatewayIdentifier}", "UpdateGateway"),
            Map.entry("DELETE /gateways/{gatewayIdentifier}", "DeleteGateway"),
            Map.entry("GET /gateways/{gatewayIdentifier}/schema", "GetGatewaySchema"),
            Map.entry("POST /gateways/{gatewayIdentifier}/targets", "CreateGatewayTarget"),
            Map.entry("GET /gateways/{gatewayIdentifier}/targets", "ListGatewayTargets"),
            Map.entry("GET /gateways/{gatewayIdentifier}/targets/{targetId}", "GetGatewayTarget"),
            Map.entry("PUT /gateways/{gatewayIdentifier}/targets/{targetId}", "UpdateGatewayTarget"),
            Map.entry("PATCH /gateways/{gatewayIdentifier}/targets/{targetId}", "UpdateGatewayTarget"),
            Map.entry("DELETE /gateways/{gatewayIdentifier}/targets/{targetId}", "DeleteGatewayTarget"),
            Map.entry("POST /policy-engines", "CreatePolicyEngine"),
            Map.entry("GET /policy-engines", "ListPolicyEngines"),
            Map.entry("GET /policy-engines/{policyEngineId}", "GetPolicyEngine"),
            Map.entry("PUT /policy-engines/{policyEngineId}", "UpdatePolicyEngine"),
            Map.entry("PATCH /policy-engines/{policyEngineId}", "UpdatePolicyEngine"),
            Map.entry("DELETE /policy-engines/{policyEngineId}", "DeletePolicyEngine"),
            Map.entry("POST /policy-engines/{policyEngineId}/policies", "CreatePolicy"),
            Map.entry("GET /policy-engines/{policyEngineId}/policies", "ListPolicies"),
            Map.entry("GET /policy-engines/{policyEngineId}/policies/{policyId}", "GetPolicy"),
            Map.entry("PUT /policy-engines/{policyEngineId}/policies/{policyId}", "UpdatePolicy"),
            Map.entry("PATCH /policy-engines/{policyEngineId}/policies/{policyId}", "UpdatePolicy"),
            Map.entry("DELETE /policy-engines/{policyEngineId}/policies/{policyId}", "DeletePolicy"),
            Map.entry("POST /policy-engines/{policyEngineId}/policy-generations", "StartPolicyGeneration"),
            Map.entry("GET /policy-engines/{policyEngineId}/policy-generations", "ListPolicyGenerations"),
            Map.entry("GET /policy-engines/{policyEngineId}/policy-generations/{policyGenerationId}", "GetPolicyGeneration"),
            Map.entry("GET /policy-engines/{policyEngineId}/policy-generations/{policyGenerationId}/assets",
                    "ListPolicyGenerationAssets"),
            Map.entry("GET /health", "Health"),
            Map.entry("GET /metrics", "Metrics"));

    private Operations() {}

    /** {@code template} null: no route matched (404 or a request refused before routing). */
    static String of(String method, String template) {
        if (template == null) {
            return "UNMATCHED";
        }
        String key = method + " " + template;
        return NAMES.getOrDefault(key, key);
    }
}
