package com.cedarauthoring.testing;

import com.cedarauthoring.cedar.AuthRequest;
import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.cedar.Decision;
import com.cedarauthoring.gateway.GatewayDirectory;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.gateway.ToolAction;
import com.cedarauthoring.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.cedarauthoring.policy.EnforcementMode;
import com.cedarauthoring.policy.Policy;
import com.cedarauthoring.policy.PolicyStatus;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Evaluates requests against an engine's policies as the gateway would: ACTIVE policies decide, LOG_ONLY
 * policies are reported as if enforced, candidates count as ACTIVE. Policies that did not settle ACTIVE
 * (CREATE_FAILED...) are not part of the engine's decisions, as on AgentCore.
 *
 * <p>Parsed policy sets are kept by their content (ids and statements), so repeated requests against an
 * unchanged engine cost one native evaluation each, and any change to a policy is a different key.
 */
public final class PolicyEvaluator {
    private final Function<String, List<Policy>> enginePolicies;
    private final GatewayDirectory gateways;
    private final Cedar cedar;
    private final Cache<Map<String, String>, Cedar.PreparedPolicies> prepared =
            Caffeine.newBuilder().maximumSize(256).build();
    // engine id -> the policies its last snapshot was built from; an unchanged engine reuses that snapshot
    // after a field-by-field comparison, instead of building, copying and hashing its statements per request
    private final Cache<String, Built> lastSnapshot = Caffeine.newBuilder().maximumSize(1_000).build();

    private record Built(List<Policy> policies, Snapshot snapshot) {}

    /** @param enginePolicies every policy of an engine by its id (unknown engine: ResourceNotFoundException) */
    public PolicyEvaluator(Function<String, List<Policy>> enginePolicies, GatewayDirectory gateways, Cedar cedar) {
        this.enginePolicies = enginePolicies;
        this.gateways = gateways;
        this.cedar = cedar;
    }

    /** The policies of one engine split by enforcement mode, read once for a batch of requests. */
    public Snapshot snapshot(String policyEngineId, Map<String, String> candidates) {
        List<Policy> policies = enginePolicies.apply(policyEngineId);
        if (!candidates.isEmpty()) {
            return snapshot(policies, candidates);
        }
        Built last = lastSnapshot.getIfPresent(policyEngineId);
        if (last != null && sameDecisions(last.policies(), policies)) {
            return last.snapshot();
        }
        Snapshot built = snapshot(policies, candidates);
        lastSnapshot.put(policyEngineId, new Built(policies, built));
        return built;
    }

    private Snapshot snapshot(List<Policy> policies, Map<String, String> candidates) {
        Map<String, String> active = new LinkedHashMap<>(2 * (policies.size() + candidates.size()));
        Map<String, String> logOnly = null;
        for (Policy p : policies) {
            if (p.status() != PolicyStatus.ACTIVE) {
                continue;
            }
            if (p.enforcementMode() == EnforcementMode.ACTIVE) {
                active.put(p.policyId(), p.statement());
            } else {
                logOnly = logOnly == null ? new LinkedHashMap<>() : logOnly;
                logOnly.put(p.policyId(), p.statement());
            }
        }
        active.putAll(candidates);
        // one immutable copy serves as the cache key and the snapshot's statements (a request pays for one);
        // the LOG_ONLY set is built only when the engine has LOG_ONLY policies
        Map<String, String> activeKey = Map.copyOf(active);
        Cedar.PreparedPolicies enforced = prepared(activeKey);
        if (logOnly == null) {
            return new Snapshot(enforced, enforced, activeKey);
        }
        logOnly.putAll(active);
        return new Snapshot(enforced, prepared(Map.copyOf(logOnly)), activeKey);
    }

    /** One request against a snapshot: the enforced and the LOG_ONLY decision in one hand-off to Cedar. */
    public Evaluation evaluate(Snapshot snapshot, AuthRequest request) {
        Optional<GatewaySchema> schema = gateways.schemaByArn(request.gatewayArn());
        return cedar.batch(() -> {
            Decision enforced = cedar.authorize(snapshot.enforced(), request, schema);
            Decision logOnly = snapshot.logOnly() == snapshot.enforced() ? enforced
                    : cedar.authorize(snapshot.logOnly(), request, schema);
            return new Evaluation(enforced, logOnly);
        });
    }

    public Evaluation evaluate(String policyEngineId, AuthRequest request, Map<String, String> candidates) {
        return evaluate(snapshot(policyEngineId, candidates), request);
    }

    /** A suite of cases against one snapshot of the engine. */
    public TestRun run(String policyEngineId, List<TestCase> cases, Map<String, String> candidates) {
        Snapshot snapshot = snapshot(policyEngineId, candidates);
        Map<String, Optional<GatewaySchema>> schemas = new java.util.HashMap<>();
        for (TestCase c : cases) {
            schemas.computeIfAbsent(c.request().gatewayArn(), gateways::schemaByArn);
        }
        // a case's result is the enforced decision only (no LOG_ONLY evaluation), all cases in one hand-off
        List<CaseResult> results = cedar.batch(() -> {
            List<CaseResult> out = new ArrayList<>(cases.size());
            for (TestCase c : cases) {
                out.add(new CaseResult(c, cedar.authorize(snapshot.enforced(), c.request(), schemas.get(c.request().gatewayArn()))));
            }
            return out;
        });
        return new TestRun(results);
    }

    /**
     * The tools (action ids) the caller could call under some input ({@code tools/list}): every tool of the
     * gateway for which the enforced policies, evaluated for this caller with the input unknown (Cedar's partial
     * evaluation), do not deny outright. A residual (a policy whose conditions read the input) counts as allowed
     * for some input; it is not solved, so a permit whose input conditions no input satisfies still lists its tool.
     */
    public Set<String> callableTools(Snapshot snapshot, GatewaySchema schema, String principalType, String principalId,
                                     Map<String, String> tags) {
        if (snapshot.enforcedStatements().isEmpty()) {
            return new LinkedHashSet<>();
        }
        JsonNode noInput = Json.mapper().createObjectNode();
        return cedar.batch(() -> {
            Set<String> callable = new LinkedHashSet<>();
            for (ToolAction tool : schema.actions()) {
                AuthRequest asCaller = new AuthRequest(principalType, principalId, tags, tool.actionId(), schema.gatewayArn(), noInput);
                if (cedar.authorizeAnyInput(snapshot.enforced(), asCaller) != Cedar.InputDependence.DENY) {
                    callable.add(tool.actionId());
                }
            }
            return callable;
        });
    }

    /**
     * Whether two reads of an engine's policies decide alike: the same ACTIVE-status policies in the same order,
     * with the same ids, statements and enforcement modes (the store answers them in a stable order; any other
     * difference only costs a rebuild). Allocates nothing: this runs on every request.
     */
    static boolean sameDecisions(List<Policy> a, List<Policy> b) {
        int i = 0;
        int j = 0;
        while (true) {
            while (i < a.size() && a.get(i).status() != PolicyStatus.ACTIVE) {
                i++;
            }
            while (j < b.size() && b.get(j).status() != PolicyStatus.ACTIVE) {
                j++;
            }
            if (i == a.size() || j == b.size()) {
                return i == a.size() && j == b.size();
            }
            Policy x = a.get(i++);
            Policy y = b.get(j++);
            if (x.enforcementMode() != y.enforcementMode() || !x.policyId().equals(y.policyId())
                    || !x.statement().equals(y.statement())) {
                return false;
            }
        }
    }

    private Cedar.PreparedPolicies prepared(Map<String, String> immutablePolicies) {
        return prepared.get(immutablePolicies, cedar::prepare);
    }

    /** The prepared policy sets of one engine at one moment. */
    public record Snapshot(Cedar.PreparedPolicies enforced, Cedar.PreparedPolicies logOnly,
                           Map<String, String> enforcedStatements) {}
}
