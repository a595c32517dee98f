package com.cedarauthoring.bench.jmh;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The authorize endpoint's evaluation path ({@link PolicyEvaluator}: snapshot of the engine's policies,
 * entities as a gateway builds them, input typed by the tool schema, ACTIVE + LOG_ONLY evaluation) against
 * bare cedar-java {@code isAuthorized} on a cached policy set with prebuilt request and entities. Each
 * benchmark runs in its own forked JVM (no shared JIT history), after 5 x 2 s of warm-up.
 *
 * <p>JMH's worker threads are Cedar's large-stack threads ({@link LargeStackExecutor}, set in {@code @Fork}), as
 * the service's HTTP request threads are: the endpoint's Cedar calls run inline on its request thread, and
 * so do they here. Bare cedar-java runs on the same kind of thread.
 *
 * <pre>java -jar benchmarks/jmh/target/jmh-benchmarks.jar AuthorizeBenchmark</pre>
 *
 * Figures: benchmarks/RESULTS.md (issue 11).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Djmh.executor=CUSTOM",
        "-Djmh.executor.class=com.cedarauthoring.bench.jmh.LargeStackExecutor"})
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
    ExecutorService otherThread;
    ExecutorService defaultStackThread;

    @Setup
    public void setUp() throws Exception {
        if (!Cedar.onLargeStack()) {
            throw new IllegalStateException("JMH's worker threads must be Cedar's large-stack threads, as the service's request "
                    + "threads are: run forked (the @Fork arguments set -Djmh.executor.class=" + LargeStackExecutor.class.getName() + ")");
        }
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
        otherThread = Executors.newSingleThreadExecutor(r -> new Thread(null, r, "bench-hop", 64L * 1024 * 1024));
        defaultStackThread = Executors.newSingleThreadExecutor(r -> new Thread(null, r, "bench-hop-default-stack"));
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

    // Breakdown (not the target's figures): where the evaluation path's extra cost over bare goes.

    /** The evaluation path without reading the engine's policies and looking up its prepared set. */
    @Benchmark
    public Object breakdownEvaluateOnSnapshot() {
        return evaluator.evaluate(snapshot, request);
    }

    /**
     * Bare cedar-java handed to another (large-stack) thread and waited for: the hop Cedar's NativeStack makes for
     * callers without the large stack (the request threads made it on every request before they had it).
     */
    @Benchmark
    public Object breakdownBareOnAnotherThread() throws Exception {
        return otherThread.submit(() -> bare.isAuthorized(bareRequest, bareSet, bareEntities)).get();
    }

    /** The same hop to a thread with the JVM's default stack: separates the hop's cost from the stack size's. */
    @Benchmark
    public Object breakdownBareOnDefaultStackThread() throws Exception {
        return defaultStackThread.submit(() -> bare.isAuthorized(bareRequest, bareSet, bareEntities)).get();
    }

    @TearDown
    public void tearDown() {
        defaultStackThread.shutdownNow();
        otherThread.shutdownNow();
    }
}
