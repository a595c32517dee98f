package com.cedarauthoring.api.testing;

import com.cedarauthoring.api.auth.Access;
import com.cedarauthoring.api.http.RequestBody;
import com.cedarauthoring.api.http.RouteModule;
import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.errors.ValidationException;
import com.cedarauthoring.gateway.GatewayDirectory;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.json.Json;
import com.cedarauthoring.testing.CandidatePolicies;
import com.cedarauthoring.testing.CaseResult;
import com.cedarauthoring.testing.Evaluation;
import com.cedarauthoring.testing.PolicyEvaluator;
import com.cedarauthoring.testing.TestCase;
import com.cedarauthoring.testing.TestRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import com.cedarauthoring.api.auth.Security;
import com.cedarauthoring.api.http.PageJson;
import com.cedarauthoring.errors.ResourceNotFoundException;
import com.cedarauthoring.policy.GeneratedAssets;
import com.cedarauthoring.naming.Ids;
import com.cedarauthoring.store.PageRequest;
import com.cedarauthoring.testing.SavedTestRun;
import com.cedarauthoring.testing.TestRuns;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code POST /policy-engines/{id}/authorize} and {@code POST /policy-engines/{id}/test-runs}. Both only
 * read: every role may call them (authors check what they wrote, reviewers try before approving).
 */
public final class TestingRoutes implements RouteModule {
    static final int MAX_CASES = 200;
    private static final Pattern ENGINE_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_]*-[a-z0-9_]{10}");

    private final PolicyEvaluator evaluator;
    private final TestRequests requests;
    private final Cedar cedar;
    private final TestRuns runs;
    private final GeneratedAssets assets;
    private final Ids ids;
    private final Clock clock;

    public TestingRoutes(PolicyEvaluator evaluator, GatewayDirectory gateways, Cedar cedar, TestRuns runs,
                         GeneratedAssets assets, Ids ids, Clock clock) {
        this.evaluator = evaluator;
        this.requests = new TestRequests(gateways);
        this.cedar = cedar;
        this.runs = runs;
        this.assets = assets;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/policy-engines/{policyEngineId}/authorize", this::authorize, Access.READ);
        routes.post("/policy-engines/{policyEngineId}/test-runs", this::testRun, Access.READ);
        routes.get("/policy-engines/{policyEngineId}/test-runs", this::savedRuns, Access.READ);
    }

    private void authorize(Context ctx) {
        String engineId = engineId(ctx);
        RequestBody body = RequestBody.of(ctx);
        GatewaySchema gateway = requests.gateway(body);
        var request = requests.request(body, gateway);
        Map<String, String> candidates = CandidatePolicies.check(cedar, "candidatePolicies", TestRequests.candidates(body));
        Evaluation evaluation = evaluator.evaluate(engineId, request, candidates);
        ObjectNode out = TestRequests.decision(evaluation.enforced());
        ObjectNode logOnly = TestRequests.decision(evaluation.logOnly());
        logOnly.remove("errors");
        out.set("logOnly", logOnly);
        ctx.json(out);
    }

    private void testRun(Context ctx) {
        String engineId = engineId(ctx);
        RequestBody body = RequestBody.of(ctx);
        GatewaySchema gateway = requests.gateway(body);
        Map<String, String> candidates = CandidatePolicies.check(cedar, "candidatePolicies", TestRequests.candidates(body));
        JsonNode casesNode = body.node().path("cases");
        if (!casesNode.isArray() || casesNode.isEmpty()) {
            throw ValidationException.field("cases", "Member must be a non-empty list of test cases");
        }
        if (casesNode.size() > MAX_CASES) {
            throw ValidationException.field("cases", "Member must have at most " + MAX_CASES + " items");
        }
        List<TestCase> cases = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < casesNode.size(); i++) {
            RequestBody c = RequestBody.at(casesNode.get(i), "cases[" + i + "]");
            String name = c.requiredString("name", 1, 256);
            if (!names.add(name)) {
                throw ValidationException.field(c.field("name"), "Case names must be unique; " + name + " is repeated");
            }
            String expected = c.requiredString("expected");
            if (!expected.equals("ALLOW") && !expected.equals("DENY")) {
                throw ValidationException.field(c.field("expected"), "Member must satisfy enum value set: [ALLOW, DENY]");
            }
            cases.add(new TestCase(name, requests.request(c, gateway), expected.equals("ALLOW")));
        }
        Optional<SavedTestRun.AssetRef> attachTo = body.optionalObject("attachTo").map(a -> new SavedTestRun.AssetRef(
                a.requiredString("policyGenerationId", 12, 59), a.requiredString("policyGenerationAssetId", 12, 59)));
        attachTo.ifPresent(a -> assets.find(engineId, a.policyGenerationId(), a.policyGenerationAssetId()).orElseThrow(() ->
                new ResourceNotFoundException("Policy generation asset " + a.policyGenerationAssetId() + " not found")));
        TestRun run = evaluator.run(engineId, cases, candidates);
        ObjectNode out = json(run);
        if (body.optionalBoolean("save") || attachTo.isPresent()) {
            // a saved run is evidence for a review: who ran what, when, with which outcome
            SavedTestRun saved = new SavedTestRun(ids.resourceId("TestRun"), engineId, attachTo,
                    Security.principal(ctx).name(), clock.instant().truncatedTo(ChronoUnit.MILLIS), run.passed(), run.failed(), out);
            runs.save(saved);
            out = saved(saved);
        }
        ctx.json(out);
    }

    private void savedRuns(Context ctx) {
        String engineId = engineId(ctx);
        String generation = ctx.queryParam("policyGenerationId");
        String asset = ctx.queryParam("policyGenerationAssetId");
        if ((generation == null) != (asset == null)) {
            throw ValidationException.field(generation == null ? "policyGenerationId" : "policyGenerationAssetId",
                    "policyGenerationId and policyGenerationAssetId go together");
        }
        Optional<SavedTestRun.AssetRef> ref = generation == null ? Optional.empty()
                : Optional.of(new SavedTestRun.AssetRef(generation, asset));
        evaluator.snapshot(engineId, Map.of()); // an unknown engine is a ResourceNotFoundException
        ctx.json(PageJson.of(runs.list(engineId, ref, PageRequest.of(ctx.queryParam("maxResults"), ctx.queryParam("nextToken"))),
                "testRuns", TestingRoutes::saved));
    }

    static ObjectNode saved(SavedTestRun r) {
        ObjectNode n = r.result().deepCopy();
        n.put("testRunId", r.testRunId());
        n.put("createdBy", r.createdBy());
        n.put("createdAt", r.createdAt().toString());
        r.attachedTo().ifPresent(a -> n.putObject("attachedTo").put("policyGenerationId", a.policyGenerationId())
                .put("policyGenerationAssetId", a.policyGenerationAssetId()));
        return n;
    }

    static ObjectNode json(TestRun run) {
        ObjectNode out = Json.mapper().createObjectNode();
        ArrayNode results = out.putArray("results");
        for (CaseResult r : run.results()) {
            ObjectNode n = TestRequests.decision(r.decision());
            n.put("name", r.testCase().name());
            n.put("expected", r.testCase().expectAllow() ? "ALLOW" : "DENY");
            n.put("passed", r.passed());
            results.add(n);
        }
        out.put("passed", run.passed());
        out.put("failed", run.failed());
        return out;
    }

    private static String engineId(Context ctx) {
        String value = ctx.pathParam("policyEngineId");
        if (value.length() < 12 || value.length() > 59 || !ENGINE_ID.matcher(value).matches()) {
            throw ValidationException.field("policyEngineId", "Member must satisfy regular expression pattern: "
                    + ENGINE_ID.pattern() + " and have length between 12 and 59, inclusive");
        }
        return value;
    }
}
