package com.cedarauthoring.api.testing;

import com.cedarauthoring.api.auth.Access;
import com.cedarauthoring.api.auth.Security;
import com.cedarauthoring.api.http.PageJson;
import com.cedarauthoring.api.http.RequestBody;
import com.cedarauthoring.api.http.RouteModule;
import com.cedarauthoring.errors.ResourceNotFoundException;
import com.cedarauthoring.gateway.GatewayDirectory;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.json.Json;
import com.cedarauthoring.policy.EngineDirectory;
import com.cedarauthoring.policy.EngineRef;
import com.cedarauthoring.store.PageRequest;
import com.cedarauthoring.testing.TestSuite;
import com.cedarauthoring.testing.TestSuites;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Named test suites kept per engine ({@code /policy-engines/{id}/test-suites/{suiteName}}), so reviewers share
 * them; {@code POST .../test-runs} with {@code suiteName} runs one. A suite is checked against its gateway
 * exactly as a test run's cases are, so a saved suite is one that could run when it was saved. Every role may
 * write them, as every role may run tests; {@link TestSuites} records who did in the audit trail.
 */
public final class TestSuiteRoutes implements RouteModule {
    /** Suites one engine keeps at most; each is bounded by the 200 cases of a test run and the 1 MiB body. */
    static final int MAX_SUITES = 100;

    private final TestSuites suites;
    private final EngineDirectory engines;
    private final TestRequests requests;
    private final Clock clock;

    public TestSuiteRoutes(TestSuites suites, EngineDirectory engines, GatewayDirectory gateways, Clock clock) {
        this.suites = suites;
        this.engines = engines;
        this.requests = new TestRequests(gateways);
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/policy-engines/{policyEngineId}/test-suites", this::list, Access.READ);
        routes.put("/policy-engines/{policyEngineId}/test-suites/{suiteName}", this::put, Access.READ);
        routes.get("/policy-engines/{policyEngineId}/test-suites/{suiteName}", this::get, Access.READ);
        routes.delete("/policy-engines/{policyEngineId}/test-suites/{suiteName}", this::delete, Access.READ);
    }

    private void put(Context ctx) {
        EngineRef engine = engine(ctx);
        String name = TestSuite.checkName(ctx.pathParam("suiteName"));
        RequestBody body = RequestBody.of(ctx);
        GatewaySchema gateway = requests.gateway(body);
        JsonNode cases = body.node().path("cases");
        requests.cases(cases, gateway); // refused now rather than when someone runs it
        String by = Security.principal(ctx).name();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        TestSuite suite = new TestSuite(engine.policyEngineId(), name, gateway.gatewayArn(), cases, by, now, by, now);
        ctx.json(json(engine, suites.save(suite, MAX_SUITES)));
    }

    private void get(Context ctx) {
        EngineRef engine = engine(ctx);
        ctx.json(json(engine, found(engine.policyEngineId(), TestSuite.checkName(ctx.pathParam("suiteName")))));
    }

    private void list(Context ctx) {
        EngineRef engine = engine(ctx);
        ctx.json(PageJson.of(suites.list(engine.policyEngineId(),
                PageRequest.of(ctx.queryParam("maxResults"), ctx.queryParam("nextToken"))), "testSuites", s -> summary(engine, s)));
    }

    private void delete(Context ctx) {
        EngineRef engine = engine(ctx);
        TestSuite suite = found(engine.policyEngineId(), TestSuite.checkName(ctx.pathParam("suiteName")));
        if (!suites.delete(engine.policyEngineId(), suite.name(), Security.principal(ctx).name())) {
            throw notFound(suite.name());
        }
        ctx.json(summary(engine, suite));
    }

    private TestSuite found(String engineId, String name) {
        return suites.find(engineId, name).orElseThrow(() -> notFound(name));
    }

    private static ResourceNotFoundException notFound(String name) {
        return new ResourceNotFoundException("Test suite " + name + " not found");
    }

    /** The engine of the path, which must exist. */
    private EngineRef engine(Context ctx) {
        String engineId = TestRequests.engineId(ctx);
        return engines.find(engineId).orElseThrow(() -> new ResourceNotFoundException("Policy engine " + engineId + " not found"));
    }

    /** A list item: everything but the cases. */
    static ObjectNode summary(EngineRef engine, TestSuite s) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("policyEngineId", s.policyEngineId());
        n.put("policyEngineArn", engine.policyEngineArn());
        n.put("name", s.name());
        n.put("gatewayArn", s.gatewayArn());
        n.put("caseCount", s.cases().size());
        n.put("createdBy", s.createdBy());
        n.put("createdAt", s.createdAt().toString());
        n.put("updatedBy", s.updatedBy());
        n.put("updatedAt", s.updatedAt().toString());
        return n;
    }

    static ObjectNode json(EngineRef engine, TestSuite s) {
        ObjectNode n = summary(engine, s);
        n.set("cases", s.cases());
        return n;
    }
}
