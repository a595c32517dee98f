package com.cedarauthoring.api.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.api.Application;
import com.cedarauthoring.api.ServiceConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CreatePolicy latency against an engine attached to a 20-tool gateway, and GetPolicy throughput, over
 * real HTTP on loopback. Skipped in the normal suite; run it with
 * {@code mvn -B -o test -pl authoring-api -am -Dsurefire.failIfNoSpecifiedTests=false -Dtest=PolicyBenchmark -Dbenchmark=true}
 * (results: docs/benchmark-policy.md).
 */
class PolicyBenchmark {
    static final int WARMUP = 300;
    static final int MEASURED = 1000;

    @TempDir
    Path dir;

    @Test
    void createPolicyLatencyAndGetPolicyThroughput() {
        Assumptions.assumeTrue(Boolean.getBoolean("benchmark"), "benchmark runs only with -Dbenchmark=true");
        try (Application app = Application.start(ServiceConfig.local(dir))) {
            Http http = new Http(app.port());
            Http.Response gw = http.post("/gateways", Map.of("name", "bench-gateway",
                    "roleArn", "arn:aws:iam::123456789012:role/GatewayRole", "authorizerType", "CUSTOM_JWT"));
            String gatewayId = gw.body().get("gatewayId").asText();
            String gatewayArn = gw.body().get("gatewayArn").asText();
            List<Map<String, Object>> tools = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                tools.add(Map.of("name", "tool_" + i, "description", "tool " + i, "inputSchema", Map.of("type", "object",
                        "properties", Map.of("amount", Map.of("type", "integer"), "orderId", Map.of("type", "string"),
                                "note", Map.of("type", "string")), "required", List.of("amount", "orderId"))));
            }
            assertThat(http.post("/gateways/" + gatewayId + "/targets", Map.of("name", "BenchTarget",
                    "targetConfiguration", Map.of("mcp", Map.of("lambda", Map.of(
                            "lambdaArn", "arn:aws:lambda:us-west-2:123456789012:function:bench",
                            "toolSchema", Map.of("inlinePayload", tools)))))).status()).isLessThan(300);
            String engineId = http.post("/policy-engines", Map.of("name", "Bench")).body().get("policyEngineId").asText();
            String engineArn = http.get("/policy-engines/" + engineId).body().get("policyEngineArn").asText();
            assertThat(http.send("PUT", "/gateways/" + gatewayId, Http.json(Map.of("name", "bench-gateway",
                    "roleArn", "arn:aws:iam::123456789012:role/GatewayRole", "authorizerType", "CUSTOM_JWT",
                    "policyEngineConfiguration", Map.of("arn", engineArn, "mode", "ENFORCE")))).status()).isLessThan(300);

            String base = "/policy-engines/" + engineId + "/policies";
            long[] nanos = new long[MEASURED];
            String lastId = null;
            for (int i = 0; i < WARMUP + MEASURED; i++) {
                String statement = "permit(principal is AgentCore::OAuthUser, action == AgentCore::Action::\"BenchTarget___tool_"
                        + (i % 20) + "\", resource == AgentCore::Gateway::\"" + gatewayArn + "\") when { context.input.amount < "
                        + (100 + i) + " };";
                long t0 = System.nanoTime();
                Http.Response r = http.post(base, Map.of("name", "P" + i, "definition", Map.of("cedar", Map.of("statement", statement))));
                long t1 = System.nanoTime();
                assertThat(r.status()).isEqualTo(202);
                if (i >= WARMUP) {
                    nanos[i - WARMUP] = t1 - t0;
                }
                lastId = r.body().get("policyId").asText();
            }
            assertThat(http.get(base + "/" + lastId).body().get("status").asText()).isEqualTo("ACTIVE");
            Arrays.sort(nanos);
            double p50 = nanos[MEASURED / 2] / 1e6;
            double p90 = nanos[MEASURED * 9 / 10] / 1e6;
            double p99 = nanos[MEASURED * 99 / 100] / 1e6;

            String getPath = base + "/" + lastId;
            for (int i = 0; i < 500; i++) {
                http.get(getPath);
            }
            int gets = 0;
            long start = System.nanoTime();
            while (System.nanoTime() - start < 3_000_000_000L) {
                http.get(getPath);
                gets++;
            }
            double perSecond = gets / ((System.nanoTime() - start) / 1e9);
            // Where CreatePolicy's time goes: Cedar's own parse and strict validation, in-process.
            com.cedarauthoring.cedar.Cedar cedar = new com.cedarauthoring.cedar.Cedar();
            com.cedarauthoring.gateway.GatewaySchema schema = app.gatewayDirectory().schemasAttachedTo(engineArn).get(0);
            String sample = http.get(getPath).body().at("/definition/cedar/statement").asText();
            for (int i = 0; i < 300; i++) {
                cedar.validate(schema, sample);
            }
            long v0 = System.nanoTime();
            for (int i = 0; i < 1000; i++) {
                cedar.parse(sample);
            }
            long v1 = System.nanoTime();
            for (int i = 0; i < 1000; i++) {
                cedar.validate(schema, sample);
            }
            long v2 = System.nanoTime();
            System.out.printf("BENCHMARK Cedar in-process: parse %.2f ms, parse+strict validate %.2f ms (mean of 1000)%n",
                    (v1 - v0) / 1e9, (v2 - v1) / 1e9);
            System.out.printf("BENCHMARK CreatePolicy (20-tool gateway, %d after %d warm-up): p50 %.2f ms, p90 %.2f ms, p99 %.2f ms%n",
                    MEASURED, WARMUP, p50, p90, p99);
            System.out.printf("BENCHMARK GetPolicy (1 client thread, 3 s): %.0f requests/s%n", perSecond);
        }
    }
}
