package com.cedarauthoring.api.policy;

import com.cedarauthoring.api.http.PageJson;

import com.cedarauthoring.json.Json;
import com.cedarauthoring.policy.Policy;
import com.cedarauthoring.policy.PolicyEngine;
import com.cedarauthoring.store.Page;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** AgentCore's response shapes (Appendix A) for engines and policies. Timestamps are ISO-8601. */
final class PolicyJson {
    private PolicyJson() {}

    /** The engine as Get/Create/Update answer it: its summary plus description and statusReasons. */
    static ObjectNode engine(PolicyEngine e) {
        ObjectNode n = engineSummary(e);
        if (e.description() != null) {
            n.put("description", e.description());
        }
        ArrayNode reasons = n.putArray("statusReasons");
        e.statusReasons().forEach(reasons::add);
        return n;
    }

    /** PolicyEngineSummary: metadata only, no description or statusReasons. */
    static ObjectNode engineSummary(PolicyEngine e) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("policyEngineId", e.policyEngineId());
        n.put("name", e.name());
        n.put("createdAt", e.createdAt().toString());
        n.put("updatedAt", e.updatedAt().toString());
        n.put("policyEngineArn", e.policyEngineArn());
        n.put("status", e.status().name());
        if (e.encryptionKeyArn() != null) {
            n.put("encryptionKeyArn", e.encryptionKeyArn());
        }
        return n;
    }

    /** PolicySummary: metadata only, no definition, description or statusReasons. */
    static ObjectNode policySummary(Policy p) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("policyId", p.policyId());
        n.put("name", p.name());
        n.put("policyEngineId", p.policyEngineId());
        n.put("createdAt", p.createdAt().toString());
        n.put("updatedAt", p.updatedAt().toString());
        n.put("policyArn", p.policyArn());
        n.put("status", p.status().name());
        n.put("enforcementMode", p.enforcementMode().name());
        return n;
    }

    /** The policy as Get/Create/Update answer it: its summary plus definition, description and statusReasons. */
    static ObjectNode policy(Policy p) {
        ObjectNode n = policySummary(p);
        n.putObject("definition").putObject(p.kind().member()).put("statement", p.statement());
        if (p.description() != null) {
            n.put("description", p.description());
        }
        ArrayNode reasons = n.putArray("statusReasons");
        p.statusReasons().forEach(reasons::add);
        return n;
    }

    static ObjectNode enginePage(Page<PolicyEngine> page) {
        return PageJson.of(page, "policyEngines", PolicyJson::engine);
    }

    static ObjectNode policyPage(Page<Policy> page) {
        return PageJson.of(page, "policies", PolicyJson::policy);
    }
}
