package com.cedarauthoring.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bedrock translator benchmarks against a local Converse-API stub: pipeline overhead with an
 * instant model, and 200 concurrent generations against a model that takes 2 s per call.
 */
final class ModelScenario {
    private static final String REQUIREMENT = "Allow user refund-agent to process refunds when the amount is less than $500.";
    private static final Pattern GATEWAY_ARN = Pattern.compile("arn:aws:bedrock-agentcore:[a-z0-9-]+:[0-9]{12}:gateway/[a-z0-9-]+");
    private static final int MODEL_CONCURRENCY = 20;

    private final LoadDriver out;
    private final Path jar;
    private final AtomicLong delayMillis = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    ModelScenario(LoadDriver out, Path jar) {
        this.out = out;
        this.jar = jar;
    }

    void run() throws Exception {
        out.line("\n## Bedrock translator against a local Converse stub (model `us.anthropic.claude-3-7-sonnet-20250219-v1:0`, region us-west-2)");
        // Without TCP_NODELAY the JDK server and the SDK's client wait on delayed ACKs (~40 ms per call):
        // that would be the stub's latency, not the service's.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        stub.setExecutor(Executors.newCachedThreadPool());
        stub.createContext("/", ex -> {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
                String req = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                long delay = delayMillis.get();
                if (delay > 0) {
                    Thread.sleep(delay);
                }
                Matcher m = GATEWAY_ARN.matcher(req);
                String arn = m.find() ? m.group() : "unknown";
                String cedar = "permit(principal is AgentCore::OAuthUser, action == AgentCore::Action::\"RefundTarget___process_refund\", "
                        + "resource == AgentCore::Gateway::\"" + arn + "\") when { principal.hasTag(\"username\") && "
                        + "principal.getTag(\"username\") == \"refund-agent\" && context.input.amount < 500 };";
                ObjectNode policies = Api.JSON.createObjectNode();
                policies.putArray("policies").addObject().put("rawTextFragment", REQUIREMENT).put("cedar", cedar).putArray("ambiguities");
                ObjectNode response = Api.JSON.createObjectNode();
                ObjectNode message = response.putObject("output").putObject("message").put("role", "assistant");
                message.putArray("content").addObject().put("text", Api.JSON.writeValueAsString(policies));
                response.put("stopReason", "end_turn");
                byte[] body = Api.JSON.writeValueAsBytes(response);
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
                ex.close();
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
                String engineId = LoadDriver.createEngine(api, "BenchModel" + System.nanoTime());
                overhead(api, engineId, gw[1]);
                Floor floor = Floor.ofGenerations(api, engineId, gw[0], 100);
                out.line("  - floor, bare cedar-java for the same generations (parse + strict validation + "
                        + floor.evaluationsPerGeneration() + " example evaluations) in the driver's JVM: "
                        + Stats.of(floor.measure()));
                concurrent(api, engineId, gw[1]);
            }
        } finally {
            stub.stop(0);
        }
    }

    private void overhead(Api api, String engineId, String arn) throws Exception {
        delayMillis.set(0);
        for (int i = 0; i < 100; i++) {
            generate(api, engineId, arn, "mwarm" + i);
        }
        long[] samples = new long[300];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = generate(api, engineId, arn, "mover" + i);
        }
        out.line("- Pipeline overhead per generation, stub answering at once (start -> GENERATED -> assets over HTTP): "
                + Stats.of(samples) + " (target p50 < 10 ms)");
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

    private static long generate(Api api, String engineId, String arn, String name) throws Exception {
        ObjectNode body = Api.JSON.createObjectNode().put("name", name);
        body.putObject("resource").put("arn", arn);
        body.putObject("content").put("rawText", REQUIREMENT);
        long t0 = System.nanoTime();
        String genId = api.send("POST", "/policy-engines/" + engineId + "/policy-generations", body, 202)
                .get("policyGenerationId").asText();
        String status;
        do {
            Thread.sleep(0, 200_000);
            status = api.get("/policy-engines/" + engineId + "/policy-generations/" + genId).path("status").asText();
        } while ("GENERATING".equals(status));
        if (!"GENERATED".equals(status)) {
            throw new IllegalStateException("generation ended " + status);
        }
        api.get("/policy-engines/" + engineId + "/policy-generations/" + genId + "/assets");
        return System.nanoTime() - t0;
    }
}
