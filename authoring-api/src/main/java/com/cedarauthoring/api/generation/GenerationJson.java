package com.cedarauthoring.api.generation;

import com.cedarauthoring.api.http.PageJson;
import com.cedarauthoring.api.review.ReviewRoutes;
import com.cedarauthoring.review.ReviewState;
import java.util.Map;

import com.cedarauthoring.explain.DecisionExample;
import com.cedarauthoring.findings.Finding;
import com.cedarauthoring.generation.Asset;
import com.cedarauthoring.generation.PolicyGeneration;
import com.cedarauthoring.json.Json;
import com.cedarauthoring.store.Page;
import com.cedarauthoring.translate.Alignment;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** AgentCore's wire shapes for generations and assets (plus our extra asset members). */
final class GenerationJson {
    private GenerationJson() {}

    static ObjectNode generation(PolicyGeneration g) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("policyEngineId", g.policyEngineId());
        n.put("policyGenerationId", g.policyGenerationId());
        n.put("name", g.name());
        n.put("policyGenerationArn", g.arn());
        n.putObject("resource").put("arn", g.resourceArn());
        n.put("createdAt", g.createdAt().toString());
        n.put("updatedAt", g.updatedAt().toString());
        n.put("status", g.status().name());
        ArrayNode reasons = n.putArray("statusReasons");
        g.statusReasons().forEach(reasons::add);
        g.findings().ifPresent(f -> n.put("findings", f));
        // extensions (SDKs ignore them): the requirement text, for the console to show beside its Cedar, and who started it
        n.putObject("content").put("rawText", g.rawText());
        n.put("startedBy", g.startedBy());
        return n;
    }

    /** PolicyGenerationSummary: the generation without statusReasons (nor the requirement text). */
    static ObjectNode generationSummary(PolicyGeneration g) {
        ObjectNode n = generation(g);
        n.remove("statusReasons");
        n.remove("content");
        return n;
    }

    static ObjectNode generationPage(Page<PolicyGeneration> page) {
        return PageJson.of(page, "policyGenerations", GenerationJson::generation);
    }

    static ObjectNode generationSummaryPage(Page<PolicyGeneration> page) {
        return PageJson.of(page, "policyGenerations", GenerationJson::generationSummary);
    }

    /** @param reviews review states by asset id; null when review is not wired (no {@code review} member) */
    static ObjectNode assetPage(Page<Asset> page, Map<String, ReviewState> reviews) {
        return PageJson.of(page, "policyGenerationAssets", a -> {
            ObjectNode n = asset(a);
            if (reviews != null) {
                n.set("review", ReviewRoutes.state(reviews.getOrDefault(a.policyGenerationAssetId(), ReviewState.PENDING)));
            }
            return n;
        });
    }

    static ObjectNode asset(Asset a) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("policyGenerationAssetId", a.policyGenerationAssetId());
        a.cedar().ifPresent(c -> n.putObject("definition").putObject("cedar").put("statement", c));
        n.put("rawTextFragment", a.rawTextFragment());
        ArrayNode findings = n.putArray("findings");
        a.findings().forEach(f -> findings.add(finding(f)));
        a.explanation().ifPresent(e -> n.put("explanation", e));
        ArrayNode examples = n.putArray("examples");
        a.examples().forEach(e -> examples.add(example(e)));
        n.put("translator", a.provenance().translator());
        ArrayNode alignment = n.putArray("alignment");
        a.alignment().parts().forEach(p -> alignment.add(part(p)));
        return n;
    }

    /** One grounded part of the policy and the raw-text spans behind it, for a console to highlight. */
    private static ObjectNode part(Alignment.Part p) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("role", p.role().name());
        n.put("target", p.target());
        ArrayNode spans = n.putArray("spans");
        p.spans().forEach(s -> spans.addObject().put("start", s.start()).put("end", s.end()));
        return n;
    }

    static ObjectNode finding(Finding f) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("type", f.type().name());
        if (f.description() != null) {
            n.put("description", f.description());
        }
        n.put("code", f.code());
        f.spanIfAny().ifPresent(s -> n.putObject("span").put("start", s.start()).put("end", s.end()));
        return n;
    }

    private static ObjectNode example(DecisionExample e) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("description", e.description());
        n.put("decision", e.allowed() ? "ALLOW" : "DENY");
        n.set("request", Json.mapper().valueToTree(e.request()));
        return n;
    }
}
