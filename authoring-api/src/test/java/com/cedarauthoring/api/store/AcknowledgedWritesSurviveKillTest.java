package com.cedarauthoring.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.api.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every write answered 202 (and read back) survives kill -9 of the service on an embedded database whose
 * freed file space is being reused, the state a database reaches after about a minute of uptime: 30
 * cycles of write, read back, kill -9 (destroyForcibly), restart; every acknowledged policy and generation
 * is still there after every restart.
 */
class AcknowledgedWritesSurviveKillTest {
    private static final int CYCLES = 30;
    private static final String GATEWAY = "arn:aws:bedrock-agentcore:us-west-2:123456789012:gateway/";

    @Test
    void noAcknowledgedWriteIsLostAcrossThirtyKills(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Path log = dir.resolve("service.log");
        List<String> acknowledgedPolicies = new ArrayList<>();
        List<String> acknowledgedGenerations = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        String engine;
        String gatewayArn;
        try (Child first = new Child(data, log)) {
            Http http = first.http();
            engine = http.post("/policy-engines", Map.of("name", "Durable")).body().get("policyEngineId").asText();
            JsonNode gateway = http.post("/gateways/", Map.of("name", "refund-gw", "roleArn", "arn:aws:iam::123456789012:role/R",
                    "authorizerType", "CUSTOM_JWT")).body();
            gatewayArn = gateway.get("gatewayArn").asText();
            assertThat(http.post("/gateways/" + gateway.get("gatewayId").asText() + "/targets/", REFUND_TARGET).status())
                    .isEqualTo(202);
            // churn so that the file holds dead chunks older than the retention time, ready for reuse
            for (int i = 0; i < 20; i++) {
                write(http, engine, gatewayArn, "Warm" + i, acknowledgedPolicies, acknowledgedGenerations, false);
            }
            Thread.sleep(1_500); // > RETENTION_TIME below: the freed space becomes reusable
            first.kill();
        }
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            try (Child child = new Child(data, log)) {
                Http http = child.http();
                for (String p : acknowledgedPolicies) {
                    if (http.get("/policy-engines/" + engine + "/policies/" + p).status() != 200) {
                        lost.add("cycle " + cycle + ": policy " + p);
                    }
                }
                for (String g : acknowledgedGenerations) {
                    JsonNode got = http.get("/policy-engines/" + engine + "/policy-generations/" + g).body();
                    if (!"GENERATED".equals(got.path("status").asText())) {
                        lost.add("cycle " + cycle + ": generation " + g + " " + got);
                    }
                }
                write(http, engine, gatewayArn, "C" + cycle, acknowledgedPolicies, acknowledgedGenerations, true);
                child.kill(); // right after the last acknowledgement
            }
        }
        try (Child last = new Child(data, log)) {
            Http http = last.http();
            for (String p : acknowledgedPolicies) {
                if (http.get("/policy-engines/" + engine + "/policies/" + p).status() != 200) {
                    lost.add("final: policy " + p);
                }
            }
        }
        assertThat(lost).as("acknowledged writes lost across %d kill -9 cycles (%d policies, %d generations)",
                CYCLES, acknowledgedPolicies.size(), acknowledgedGenerations.size()).isEmpty();
    }

    /** Three policies and (optionally) one generation, each answered 202 and read back before it counts. */
    private static void write(Http http, String engine, String gatewayArn, String prefix, List<String> policies,
                              List<String> generations, boolean generate) {
        String base = "/policy-engines/" + engine;
        if (generate) {
            Http.Response started = http.post(base + "/policy-generations", Map.of("name", prefix + "gen",
                    "resource", Map.of("arn", gatewayArn),
                    "content", Map.of("rawText", "Allow user refund-agent to process refunds when the amount is less than $500.")));
            assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
            String path = base + "/policy-generations/" + started.body().get("policyGenerationId").asText();
            JsonNode done = http.pollUntil(path, b -> !"GENERATING".equals(b.path("status").asText()), Duration.ofSeconds(30)).body();
            assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("GENERATED");
            generations.add(started.body().get("policyGenerationId").asText());
        }
        for (int i = 0; i < 3; i++) {
            Http.Response created = http.post(base + "/policies", Map.of("name", prefix + "_" + i, "definition",
                    Map.of("cedar", Map.of("statement", "permit(principal, action, resource == AgentCore::Gateway::\""
                            + gatewayArn + "\") when { context.input.amount < " + (i + 1) + " };"))));
            assertThat(created.status()).as(created.body().toString()).isEqualTo(202);
            String id = created.body().get("policyId").asText();
            assertThat(http.get(base + "/policies/" + id).status()).isEqualTo(200);
            policies.add(id);
        }
    }

    private static final String REFUND_TARGET = """
            {"name": "RefundTarget", "targetConfiguration": {"mcp": {"lambda": {"lambdaArn": "arn:aws:lambda:us-west-2:123456789012:function:refund",
              "toolSchema": {"inlinePayload": [{"name": "process_refund", "description": "Process a customer refund",
                "inputSchema": {"type": "object", "properties": {"amount": {"type": "integer"}, "orderId": {"type": "string"}},
                                "required": ["amount", "orderId"]}}]}}}}}
            """;

    /** The service in its own JVM (a kill -9 must not take the test with it). */
    private static final class Child implements AutoCloseable {
        private final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final int port;

        Child(Path data, Path log) throws Exception {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
                    System.getProperty("java.class.path"), KillableService.class.getName(), data.toString(), "1000"))
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (java.io.IOException ignored) {
                    // killed
                }
            }, "child-stdout");
            reader.setDaemon(true);
            reader.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String ready = null;
            while (ready == null && System.nanoTime() < deadline) {
                String line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line != null && line.startsWith("READY ")) {
                    ready = line;
                } else if (line == null && !process.isAlive()) {
                    throw new AssertionError("service exited with " + process.exitValue() + " (log: " + log + ")");
                }
            }
            if (ready == null) {
                throw new AssertionError("service did not start (log: " + log + ")");
            }
            port = Integer.parseInt(ready.split(" ")[1]);
        }

        Http http() {
            return new Http(port);
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }

        @Override
        public void close() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
