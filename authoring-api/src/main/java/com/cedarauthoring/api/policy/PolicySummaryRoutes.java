package com.cedarauthoring.api.policy;

import com.cedarauthoring.api.http.PageJson;
import com.cedarauthoring.api.http.RouteModule;
import com.cedarauthoring.api.auth.Access;
import com.cedarauthoring.policy.PolicyEngineService;
import com.cedarauthoring.policy.PolicyService;
import io.javalin.config.RoutesConfig;
import java.util.Optional;

/**
 * The Summary reads of engines and policies (GetPolicyEngineSummary, ListPolicyEngineSummaries,
 * GetPolicySummary, ListPolicySummaries): AgentCore's metadata-only views that leave out descriptions,
 * definitions and status reasons.
 */
public final class PolicySummaryRoutes implements RouteModule {
    private final PolicyEngineService engines;
    private final PolicyService policies;

    public PolicySummaryRoutes(PolicyEngineService engines, PolicyService policies) {
        this.engines = engines;
        this.policies = policies;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/policy-engine-summaries", ctx -> ctx.json(
                PageJson.of(engines.list(PolicyRoutes.page(ctx)), "policyEngines", PolicyJson::engineSummary)), Access.READ);
        routes.get("/policy-engine-summaries/{policyEngineId}",
                ctx -> ctx.json(PolicyJson.engineSummary(engines.get(PolicyRoutes.engineId(ctx)))), Access.READ);
        routes.get("/policy-engines/{policyEngineId}/policy-summaries", ctx -> ctx.json(PageJson.of(
                policies.list(PolicyRoutes.engineId(ctx), Optional.ofNullable(ctx.queryParam("targetResourceScope")),
                        PolicyRoutes.page(ctx)), "policies", PolicyJson::policySummary)), Access.READ);
        routes.get("/policy-engines/{policyEngineId}/policy-summaries/{policyId}", ctx -> ctx.json(
                PolicyJson.policySummary(policies.get(PolicyRoutes.engineId(ctx), PolicyRoutes.policyId(ctx)))), Access.READ);
    }
}
