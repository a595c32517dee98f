package com.cedarauthoring.api.testing;

import com.cedarauthoring.cedar.AuthRequest;
import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.gateway.AuthorizerType;
import com.cedarauthoring.gateway.GatewayDirectory;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.gateway.SchemaDeriver;
import com.cedarauthoring.gateway.Tool;
import com.cedarauthoring.json.Json;
import com.cedarauthoring.policy.EnforcementMode;
import com.cedarauthoring.policy.Policy;
import com.cedarauthoring.policy.PolicyStatus;
import com.cedarauthoring.policy.StatementKind;
import com.cedarauthoring.policy.ValidationMode;
import com.cedarauthoring.testing.PolicyEvaluator;
import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.AuthorizationRequest;
import com.cedarpolicy.model.entity.Entity;
import com.cedarpolicy.model.policy.PolicySet;
import com.cedarpolicy.value.EntityTypeName;
import com.cedarpolicy.value.EntityUID;
import com.cedarpolicy.value.PrimLong;
import com.cedarpolicy.value.PrimString;
import com.cedarpolicy.value.Value;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The authorize endpoint's evaluation path ({@link PolicyEvaluator}: snapshot of the engine's policies,
 * entities as a gateway builds them, input typed by the tool schema, ACTIVE + LOG_ONLY evaluation) against
 * bare cedar-java {@code isAuthorized} on a cached policy set with prebuilt request and entities, both in
 * one JMH run. Not part of the build; run with
 * {@code AUTHORING_BENCH=1 mvn -B -q -o -pl authoring-api test -Dtest=AuthorizeBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Figures: benchmarks/RESULTS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AuthorizeBenchmark {
    static final String ARN = "arn:aws:bedrock-agentcore:us-west-2:123456789012:gateway/refund-gateway-abcdefghij";
    static final int POLICIES = 20;

    PolicyEvaluator evaluator;
    AuthRequest request;
    BasicAuthorizationEngine bare;
    PolicySet bareSet;
    AuthorizationRequest bareRequest;
    Set<Entity> bareEntities;
    PolicyEvaluator.Snapshot snapshot;

    @Setup
    public void setUp() throws Exception {
        Cedar cedar = new Cedar();
        ObjectNode input = (ObjectNode) Json.mapper().readTree("{\"type\":\"object\",\"properties\":{\"orderId\":{\"type\":\"string\"},"
                + "\"amount\":{\"type\":\"integer\"},\"reason\":{\"type\":\"string\"}},\"required\":[\"orderId\",\"amount\"]}");
        GatewaySchema schema = new SchemaDeriver(cedar).derive(ARN, AuthorizerType.CUSTOM_JWT,
                List.of(new SchemaDeriver.TargetTools("RefundTool", List.of(new Tool("process_refund", "refund", input)))));
        Map<String, String> statements = new HashMap<>();
        List<Policy> policies = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < POLICIES; i++) {
            String s = "permit(principal is AgentCore::OAuthUser, action == AgentCore::Action::\"RefundTool___process_refund\", "
                    + "resource == AgentCore::Gateway::\"" + ARN + "\") when { principal.hasTag(\"username\") && "
                    + "principal.getTag(\"username\") == \"agent-" + i + "\" && context.input.amount < " + (500 + i) + " };";
            statements.put("p" + i, s);
            policies.add(new Policy("p" + i, "E-abcdefghij", "P" + i, "arn:p" + i, null, StatementKind.CEDAR, s, ARN,
                    ValidationMode.IGNORE_ALL_FINDINGS, EnforcementMode.ACTIVE, PolicyStatus.ACTIVE, List.of(), now, now));
        }
        GatewayDirectory gateways = new GatewayDirectory() {
            @Override
            public Optional<GatewaySchema> schemaByArn(String gatewayArn) {
                return gatewayArn.equals(ARN) ? Optional.of(schema) : Optional.empty();
            }

            @Override
            public List<GatewaySchema> schemasAttachedTo(String policyEngineArn) {
                return List.of(schema);
            }
        };
        evaluator = new PolicyEvaluator(id -> policies, gateways, cedar);
        request = new AuthRequest("OAuthUser", "user-1", Map.of("username", "agent-7"), "RefundTool___process_refund", ARN,
                Json.mapper().readTree("{\"orderId\":\"1\",\"amount\":450,\"reason\":\"Defective\"}"));

        bare = new BasicAuthorizationEngine();
        Set<com.cedarpolicy.model.policy.Policy> set = new HashSet<>();
        statements.forEach((id, s) -> set.add(new com.cedarpolicy.model.policy.Policy(s, id)));
        bareSet = new PolicySet(set);
        bareSet.cache();
        EntityUID principal = uid("OAuthUser", "user-1");
        EntityUID action = uid("Action", "RefundTool___process_refund");
        EntityUID resource = uid("Gateway", ARN);
        Map<String, Value> tags = new HashMap<>(Map.of("username", new PrimString("agent-7")));
        bareEntities = new HashSet<>(List.of(
                new Entity(principal, new HashMap<>(Map.of("id", new PrimString("user-1"))), new HashSet<>(), tags),
                new Entity(resource, new HashMap<>(), new HashSet<>(), new HashMap<>()),
                new Entity(action, new HashMap<>(), new HashSet<>(Set.of(uid("Action", "RefundTool"))), new HashMap<>()),
                new Entity(uid("Action", "RefundTool"), new HashMap<>(), new HashSet<>(Set.of(uid("Action", "CallTool"))), new HashMap<>()),
                new Entity(uid("Action", "CallTool"), new HashMap<>(), new HashSet<>(), new HashMap<>())));
        Map<String, Value> inputRecord = new HashMap<>(Map.of("orderId", new PrimString("1"), "amount", new PrimLong(450),
                "reason", new PrimString("Defective")));
        bareRequest = new AuthorizationRequest(principal, action, resource,
                new HashMap<>(Map.of("input", new com.cedarpolicy.value.CedarMap(inputRecord))));
        snapshot = evaluator.snapshot("E-abcdefghij", Map.of());
        if (!evaluator.evaluate("E-abcdefghij", request, Map.of()).enforced().allowed()
                || !bare.isAuthorized(bareRequest, bareSet, bareEntities).success.get().isAllowed()) {
            throw new IllegalStateException("both paths must ALLOW the benchmark request");
        }
    }

    private static EntityUID uid(String type, String id) {
        return EntityTypeName.parse("AgentCore::" + type).orElseThrow().of(id);
    }

    @Benchmark
    public Object authorizeEndpointEvaluation() {
        return evaluator.evaluate("E-abcdefghij", request, Map.of());
    }

    @Benchmark
    public Object bareCedarIsAuthorizedCached() throws Exception {
        return bare.isAuthorized(bareRequest, bareSet, bareEntities);
    }

    @Test
    void quick() throws Exception {
        Assumptions.assumeTrue("quick".equals(System.getenv("AUTHORING_BENCH")), "set AUTHORING_BENCH=quick");
        setUp();
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 5000; i++) {
                authorizeEndpointEvaluation();
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < 5000; i++) {
                bareCedarIsAuthorizedCached();
            }
            long t2 = System.nanoTime();
            for (int i = 0; i < 5000; i++) {
                evaluator.evaluate(snapshot, request);
            }
            long t3 = System.nanoTime();
            System.out.printf("round %d: endpoint %.1f us, bare %.1f us, evaluate(snapshot) %.1f us%n", round,
                    (t1 - t0) / 5000e3, (t2 - t1) / 5000e3, (t3 - t2) / 5000e3);
        }
    }

    @Test
    void run() throws Exception {
        Assumptions.assumeTrue("1".equals(System.getenv("AUTHORING_BENCH")), "set AUTHORING_BENCH=1 to run the benchmark");
        // other engineers' benchmarks hold JMH's machine-wide lock; ours measures a ratio within one run
        System.setProperty("jmh.ignoreLock", "true");
        // forks(0): surefire's class path is not one a forked JMH JVM can rebuild; warm-up absorbs JIT effects
        new Runner(new OptionsBuilder().include(AuthorizeBenchmark.class.getName() + "\\.")
                .forks(0).warmupIterations(3).warmupTime(org.openjdk.jmh.runner.options.TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(org.openjdk.jmh.runner.options.TimeValue.seconds(2)).build()).run();
    }
}
