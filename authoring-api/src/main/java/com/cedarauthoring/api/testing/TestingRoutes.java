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
import com.cedarauthoring.testing.TestSuite;
import com.cedarauthoring.testing.TestSuiteStore;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /policy-engines/{id}/authorize} and {@code POST /policy-engines/{id}/test-runs}. Both only
 * read: every role may call them (authors check what they wrote, reviewers try before approving).
 */
public final class TestingRoutes implements RouteModule {

    private final PolicyEvaluator evaluator;
    private final TestRequests requests;
    private final Cedar cedar;
    private final TestRuns runs;
    private final TestSuiteStore suites;
    private final GeneratedAssets assets;
    private final Ids ids;
    private final Clock clock;

    public TestingRoutes(PolicyEvaluator evaluator, GatewayDirectory gateways, Cedar cedar, TestRuns runs,
                         TestSuiteStore suites, GeneratedAssets assets, Ids ids, Clock clock) {
        this.evaluator = evaluator;
        this.requests = new TestRequests(gateways);
        this.cedar = cedar;
        this.runs = runs;
        this.suites = suites;
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
        Optional<TestSuite> suite = suite(engineId, body);
        GatewaySchema gateway = suite.map(s -> requests.gateway(s.gatewayArn())).orElseGet(() -> requests.gateway(body));
        List<TestCase> cases = suite.map(s -> savedCases(s, gateway)).orElseGet(() -> requests.cases(body.node().path("cases"), gateway));
        Map<String, String> candidates = CandidatePolicies.check(cedar, "candidatePolicies", TestRequests.candidates(body));
        Optional<SavedTestRun.AssetRef> attachTo = body.optionalObject("attachTo").map(a -> new SavedTestRun.AssetRef(
                a.requiredString("policyGenerationId", 12, 59), a.requiredString("policyGenerationAssetId", 12, 59)));
        attachTo.ifPresent(a -> assets.find(engineId, a.policyGenerationId(), a.policyGenerationAssetId()).orElseThrow(() ->
                new ResourceNotFoundException("Policy generation asset " + a.policyGenerationAssetId() + " not found")));
        TestRun run = evaluator.run(engineId, cases, candidates);
        ObjectNode out = json(run);
        suite.ifPresent(s -> out.put("suiteName", s.name()));
        if (body.optionalBoolean("save") || attachTo.isPresent()) {
            // a saved run is evidence for a review: who ran what, when, with which outcome
            SavedTestRun saved = new SavedTestRun(ids.resourceId("TestRun"), engineId, attachTo,
                    Security.principal(ctx).name(), clock.instant().truncatedTo(ChronoUnit.MILLIS), run.passed(), run.failed(), out);
            runs.save(saved);
            ctx.json(saved(saved));
            return;
        }
        ctx.json(out);
    }

    /** A saved suite named by {@code suiteName}, the alternative to inline {@code gatewayArn} and {@code cases}. */
    private Optional<TestSuite> suite(String engineId, RequestBody body) {
        Optional<String> name = body.optionalString("suiteName");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        if (body.has("cases") || body.has("gatewayArn")) {
            throw ValidationException.field("suiteName", "Send either suiteName (a saved suite brings its gateway and cases) "
                    + "or gatewayArn and cases, not both");
        }
        String suiteName = TestSuite.checkName(name.get());
        return Optional.of(suites.find(engineId, suiteName)
                .orElseThrow(() -> new ResourceNotFoundException("Test suite " + suiteName + " not found")));
    }

    /** A saved suite's cases, checked again: the gateway's tools may have changed since it was saved. */
    private List<TestCase> savedCases(TestSuite suite, GatewaySchema gateway) {
        try {
            return requests.cases(suite.cases(), gateway);
        } catch (ValidationException e) {
            throw e.prefixed("Saved test suite " + suite.name() + " no longer fits its gateway: ");
        }
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
        return TestRequests.engineId(ctx);
    }
}
