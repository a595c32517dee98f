package com.cedarauthoring.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bedrock translator benchmarks against a local Converse-API stub: pipeline overhead with an
 * instant model, and 200 concurrent generations against a model that takes 2 s per call.
 */
final class ModelScenario {
    private static final String REQUIREMENT = "Allow user refund-agent to process refunds when the amount is less than $500.";
    private static final int MODEL_CONCURRENCY = 20;

    private final LoadDriver out;
    private final Path jar;
    private final int warmup;
    private final long pollNanos;
    private final AtomicLong delayMillis = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    /** The stub's answer for the benchmark's gateway, built once: an instant model costs next to nothing. */
    private volatile byte[] answer;
    /** When the stub got the last request and finished answering it (System.nanoTime, the driver's clock). */
    private volatile long stubIn;
    private volatile long stubOut;

    ModelScenario(LoadDriver out, Path jar, int warmup, int pollMicros) {
        this.out = out;
        this.jar = jar;
        this.warmup = warmup;
        this.pollNanos = pollMicros * 1_000L;
    }

    void run() throws Exception {
        out.line("\n## Bedrock translator against a local Converse stub (model `us.anthropic.claude-3-7-sonnet-20250219-v1:0`, region us-west-2)");
        // Without TCP_NODELAY the JDK server and the SDK's client wait on delayed ACKs (~40 ms per call):
        // that would be the stub's latency, not the service's.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        ExecutorService pool = Executors.newCachedThreadPool();
        // The instant stub answers on the server's own thread: a hand-off to a pool thread would be the
        // driver's latency, not the service's. The slow stub needs a thread per call in flight.
        stub.setExecutor(task -> {
            if (delayMillis.get() > 0) {
                pool.execute(task);
            } else {
                task.run();
            }
        });
        stub.createContext("/", ex -> {
            stubIn = System.nanoTime();
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
                ex.getRequestBody().readAllBytes();
                long delay = delayMillis.get();
                if (delay > 0) {
                    Thread.sleep(delay);
                }
                byte[] body = answer;
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
                ex.close();
                stubOut = System.nanoTime();
            }
        });
        stub.start();
        try {
            List<String> args = new java.util.ArrayList<>(out.serverArgs());
            args.addAll(List.of("--translator", "bedrock", "--model-id", "us.anthropic.claude-3-7-sonnet-20250219-v1:0",
                    "--region", "us-west-2", "--bedrock-endpoint", "http://127.0.0.1:" + stub.getAddress().getPort(),
                    "--max-model-concurrency", Integer.toString(MODEL_CONCURRENCY),
                    "--generation-threads", Integer.toString(MODEL_CONCURRENCY + 4)));
            Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", "AKIDBENCH", "AWS_SECRET_ACCESS_KEY", "bench-secret",
                    "AWS_REGION", "us-west-2");
            try (ServerProcess server = ServerProcess.start(jar, args, env)) {
                Api api = new Api(server.baseUrl());
                String[] gw = LoadDriver.createGateway(api, LoadDriver.refundTarget());
                answer = answer(gw[1]);
                String engineId = LoadDriver.createEngine(api, "BenchModel" + System.nanoTime());
                overhead(api, server, engineId, gw[1]);
                Floor floor = Floor.ofGenerations(api, engineId, gw[0], 100);
                out.line("  - floor, bare cedar-java for the same generations (parse + strict validation + "
                        + floor.evaluationsPerGeneration() + " example evaluations) in the driver's JVM: "
                        + Stats.of(floor.measure()));
                out.commitFloor();
                concurrent(api, engineId, gw[1]);
            }
        } finally {
            stub.stop(0);
            pool.shutdownNow();
        }
    }

    /** What the model says for every requirement: one policy for the benchmark's gateway. */
    private static byte[] answer(String gatewayArn) throws Exception {
        String cedar = "permit(principal is AgentCore::OAuthUser, action == AgentCore::Action::\"RefundTarget___process_refund\", "
                + "resource == AgentCore::Gateway::\"" + gatewayArn + "\") when { principal.hasTag(\"username\") && "
                + "principal.getTag(\"username\") == \"refund-agent\" && context.input.amount < 500 };";
        ObjectNode policies = Api.JSON.createObjectNode();
        policies.putArray("policies").addObject().put("rawTextFragment", REQUIREMENT).put("cedar", cedar).putArray("ambiguities");
        ObjectNode response = Api.JSON.createObjectNode();
        ObjectNode message = response.putObject("output").putObject("message").put("role", "assistant");
        message.putArray("content").addObject().put("text", Api.JSON.writeValueAsString(policies));
        response.put("stopReason", "end_turn");
        return Api.JSON.writeValueAsBytes(response);
    }

    private void overhead(Api api, ServerProcess server, String engineId, String arn) throws Exception {
        delayMillis.set(0);
        for (int i = 0; i < warmup; i++) {
            generate(api, engineId, arn, "mwarm" + i, null);
        }
        int n = 300;
        long[][] steps = new long[7][n];
        long polls = 0;
        long cpu0 = server.cpuMillis();
        long jit0 = server.jitCpuMillis();
        for (int i = 0; i < n; i++) {
            long[] one = new long[7];
            polls += generate(api, engineId, arn, "mover" + i, one);
            for (int k = 0; k < one.length; k++) {
                steps[k][i] = one[k];
            }
        }
        long cpu = server.cpuMillis() - cpu0;
        long jit = server.jitCpuMillis() - jit0;
        out.line("- Pipeline overhead per generation, stub answering at once (start -> GENERATED -> assets over HTTP, after "
                + warmup + " warm-up generations): " + Stats.of(steps[0]) + " (target p50 < 10 ms); "
                + String.format("server CPU %.1f ms per generation", cpu / (double) n) + LoadDriver.jitShare(cpu, jit));
        out.line(String.format("  - where it goes, seen from the driver (p50 each; %.1f status polls per generation, %d us apart):",
                polls / (double) n, pollNanos / 1_000));
        out.line("    StartPolicyGeneration answered " + p50(steps[1]) + ", then the model call reached the stub "
                + p50(steps[2]) + ", the stub answered in " + p50(steps[3]) + ", GENERATED seen " + p50(steps[4])
                + " after that, assets read in " + p50(steps[5]));
        out.line("  - the service's own time, createdAt -> updatedAt of each generation (its clock, ms resolution, "
                + "no polling in it): " + Stats.of(steps[6]));
    }

    private static String p50(long[] samples) {
        return String.format("%.2f ms", Stats.of(samples).p50ms());
    }

    private void concurrent(Api api, String engineId, String arn) throws Exception {
        delayMillis.set(2000);
        maxInFlight.set(0);
        int n = 200;
        long t0 = System.nanoTime();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ObjectNode body = Api.JSON.createObjectNode().put("name", "mconc" + i);
            body.putObject("resource").put("arn", arn);
            body.putObject("content").put("rawText", REQUIREMENT);
            ids.add(api.send("POST", "/policy-engines/" + engineId + "/policy-generations", body, 202).get("policyGenerationId").asText());
        }
        int failed = 0;
        for (String id : ids) {
            String status;
            do {
                Thread.sleep(20);
                status = api.get("/policy-engines/" + engineId + "/policy-generations/" + id).path("status").asText();
            } while ("GENERATING".equals(status));
            if (!"GENERATED".equals(status)) {
                failed++;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double expected = Math.ceil(n / (double) MODEL_CONCURRENCY) * 2.0;
        out.line(String.format("- %d concurrent generations, stub 2 s per call, max-model-concurrency %d: all done in %.1f s "
                        + "(expected about %.0f s), %d failed, max calls in flight at the stub %d",
                n, MODEL_CONCURRENCY, seconds, expected, failed, maxInFlight.get()));
    }

    /**
     * One generation, sequential; returns the status polls it took. {@code steps} (when not null) gets
     * the round trip and its parts: start answered, start answered -> request at the stub, the stub's
     * own time, stub answered -> GENERATED seen, assets read, and the service's createdAt -> updatedAt
     * (nanoseconds).
     */
    private long generate(Api api, String engineId, String arn, String name, long[] steps) throws Exception {
        ObjectNode body = Api.JSON.createObjectNode().put("name", name);
        body.putObject("resource").put("arn", arn);
        body.putObject("content").put("rawText", REQUIREMENT);
        long t0 = System.nanoTime();
        String genId = api.send("POST", "/policy-engines/" + engineId + "/policy-generations", body, 202)
                .get("policyGenerationId").asText();
        long started = System.nanoTime();
        JsonNode last;
        String status;
        long polls = 0;
        do {
            Thread.sleep(pollNanos / 1_000_000, (int) (pollNanos % 1_000_000));
            last = api.get("/policy-engines/" + engineId + "/policy-generations/" + genId);
            status = last.path("status").asText();
            polls++;
        } while ("GENERATING".equals(status));
        long generated = System.nanoTime();
        if (!"GENERATED".equals(status)) {
            throw new IllegalStateException("generation ended " + status);
        }
        api.get("/policy-engines/" + engineId + "/policy-generations/" + genId + "/assets");
        long done = System.nanoTime();
        if (steps != null) {
            long in = stubIn;
            long answered = stubOut;
            steps[0] = done - t0;
            steps[1] = started - t0;
            steps[2] = in - started;
            steps[3] = answered - in;
            steps[4] = generated - answered;
            steps[5] = done - generated;
            steps[6] = Duration.between(Instant.parse(last.get("createdAt").asText()),
                    Instant.parse(last.get("updatedAt").asText())).toNanos();
        }
        return polls;
    }
}
