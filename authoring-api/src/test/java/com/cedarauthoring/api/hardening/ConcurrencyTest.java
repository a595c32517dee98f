package com.cedarauthoring.api.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.api.Application;
import com.cedarauthoring.api.Http;
import com.cedarauthoring.api.ServiceConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Races through the real HTTP service and the real embedded database (issue 8 items 6, 7, 8): parallel
 * requests are released together by a latch, and every trial checks the stored state afterwards.
 */
class ConcurrencyTest {
    static final int TRIALS = 10;
    static final String STATEMENT = "permit(principal, action, resource) when { context.input.amount < 500 };";

    @TempDir
    static Path dataDir;
    static Application app;
    static Http http;
    static ExecutorService pool;

    @BeforeAll
    static void start() {
        app = Application.start(ServiceConfig.local(dataDir));
        http = new Http(app.port());
        pool = Executors.newFixedThreadPool(20);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
        app.close();
    }

    /** Runs the calls at the same moment and returns their responses in order. */
    static List<Http.Response> together(List<Callable<Http.Response>> calls) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Http.Response>> futures = new ArrayList<>();
        for (Callable<Http.Response> call : calls) {
            futures.add(pool.submit(() -> {
                go.await();
                return call.call();
            }));
        }
        go.countDown();
        List<Http.Response> out = new ArrayList<>();
        for (Future<Http.Response> f : futures) {
            out.add(f.get());
        }
        return out;
    }

    static String engine(String name) {
        Http.Response r = http.post("/policy-engines", "{\"name\":\"" + name + "\"}");
        assertThat(r.status()).as(r.body().toString()).isEqualTo(202);
        return r.body().get("policyEngineId").asText();
    }

    static String policy(String engineId, String name) {
        Http.Response r = http.post("/policy-engines/" + engineId + "/policies", "{\"name\":\"" + name + "\","
                + "\"definition\":{\"cedar\":{\"statement\":\"" + STATEMENT + "\"}}}");
        assertThat(r.status()).as(r.body().toString()).isEqualTo(202);
        return r.body().get("policyId").asText();
    }

    static String gateway(String name) {
        Http.Response r = http.post("/gateways/", "{\"name\":\"" + name + "\",\"roleArn\":\"arn:aws:iam::123456789012:role/R\","
                + "\"authorizerType\":\"CUSTOM_JWT\"}");
        assertThat(r.status()).as(r.body().toString()).isEqualTo(202);
        return r.body().get("gatewayId").asText();
    }

    @Test
    void concurrentPolicyUpdatesOfDifferentMembersAreBothKept() throws Exception {
        String engineId = engine("LostUpdates");
        String path = "/policy-engines/" + engineId + "/policies/" + policy(engineId, "Racy");
        for (int i = 0; i < TRIALS; i++) {
            String description = "description " + i;
            String mode = i % 2 == 0 ? "LOG_ONLY" : "ACTIVE";
            List<Http.Response> answers = together(List.of(
                    () -> http.send("PATCH", path, "{\"description\":{\"optionalValue\":\"" + description + "\"}}"),
                    () -> http.send("PATCH", path, "{\"enforcementMode\":\"" + mode + "\"}")));
            assertThat(answers).extracting(Http.Response::status).containsOnly(202);
            Http.Response stored = http.get(path);
            assertThat(stored.body().path("description").asText()).as("trial " + i).isEqualTo(description);
            assertThat(stored.body().path("enforcementMode").asText()).as("trial " + i).isEqualTo(mode);
        }
    }

    @Test
    void concurrentGatewayAndTargetUpdatesOfDifferentMembersAreBothKept() throws Exception {
        String gatewayId = gateway("lost-updates");
        Http.Response target = http.post("/gateways/" + gatewayId + "/targets/", "{\"name\":\"Refunds\","
                + "\"targetConfiguration\":{\"mcp\":{\"lambda\":{\"lambdaArn\":\"arn:aws:lambda:us-west-2:123456789012:function:f\","
                + "\"toolSchema\":{\"inlinePayload\":[{\"name\":\"refund\",\"inputSchema\":{\"type\":\"object\"}}]}}}}}");
        assertThat(target.status()).as(target.body().toString()).isEqualTo(202);
        String gatewayPath = "/gateways/" + gatewayId;
        String targetPath = gatewayPath + "/targets/" + target.body().get("targetId").asText();
        for (int i = 0; i < TRIALS; i++) {
            String description = "description " + i;
            String kms = "key-" + i;
            String note = "note " + i;
            List<Http.Response> answers = together(List.of(
                    () -> http.send("PATCH", gatewayPath, "{\"description\":\"" + description + "\"}"),
                    () -> http.send("PATCH", gatewayPath, "{\"kmsKeyArn\":\"" + kms + "\"}"),
                    () -> http.send("PATCH", targetPath, "{\"description\":\"" + description + "\"}"),
                    () -> http.send("PATCH", targetPath, "{\"metadata\":{\"note\":\"" + note + "\"}}")));
            assertThat(answers).extracting(Http.Response::status).containsOnly(202);
            Http.Response g = http.get(gatewayPath);
            assertThat(g.body().path("description").asText()).as("trial " + i).isEqualTo(description);
            assertThat(g.body().path("kmsKeyArn").asText()).as("trial " + i).isEqualTo(kms);
            Http.Response t = http.get(targetPath);
            assertThat(t.body().path("description").asText()).as("trial " + i).isEqualTo(description);
            assertThat(t.body().path("metadata").path("note").asText()).as("trial " + i).isEqualTo(note);
        }
    }

    @Test
    void parallelIdenticalCreateGatewayRequestsAllGetTheFirstAnswer() throws Exception {
        for (int trial = 0; trial < 3; trial++) {
            String token = "gateway-token-" + trial + "-0123456789abcdef0123456789";
            String body = "{\"name\":\"idempotent-" + trial + "\",\"roleArn\":\"arn:aws:iam::123456789012:role/R\","
                    + "\"authorizerType\":\"CUSTOM_JWT\",\"clientToken\":\"" + token + "\"}";
            List<Callable<Http.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(() -> http.post("/gateways/", body));
            }
            List<Http.Response> answers = together(calls);
            assertThat(answers).extracting(Http.Response::status).as("trial " + trial).containsOnly(202);
            assertThat(answers).extracting(r -> r.body().get("gatewayId").asText()).as("trial " + trial)
                    .containsOnly(answers.get(0).body().get("gatewayId").asText());
        }
    }

    @Test
    void parallelIdenticalCreatesOfEveryKindWithOneTokenCreateOne() throws Exception {
        String engineId = engine("TokenEngine");
        String gatewayId = gateway("token-gateway");
        String gatewayArn = http.get("/gateways/" + gatewayId).body().get("gatewayArn").asText();
        String token = "every-kind-0123456789abcdef0123456789abcdef";
        record Create(String path, String body, String idMember) {}
        List<Create> creates = List.of(
                new Create("/policy-engines", "{\"name\":\"OnceEngine\",\"clientToken\":\"" + token + "\"}", "policyEngineId"),
                new Create("/policy-engines/" + engineId + "/policies", "{\"name\":\"Once\",\"clientToken\":\"" + token + "\","
                        + "\"definition\":{\"cedar\":{\"statement\":\"" + STATEMENT + "\"}}}", "policyId"),
                new Create("/policy-engines/" + engineId + "/policy-generations", "{\"name\":\"once\",\"clientToken\":\""
                        + token + "\",\"resource\":{\"arn\":\"" + gatewayArn + "\"},\"content\":{\"rawText\":\"Allow refunds.\"}}",
                        "policyGenerationId"),
                new Create("/gateways/" + gatewayId + "/targets/", "{\"name\":\"Once\",\"clientToken\":\"" + token + "\","
                        + "\"targetConfiguration\":{\"mcp\":{\"lambda\":{\"lambdaArn\":\"arn:aws:lambda:us-west-2:123456789012:function:f\","
                        + "\"toolSchema\":{\"inlinePayload\":[{\"name\":\"once\"}]}}}}}", "targetId"));
        for (Create create : creates) {
            List<Callable<Http.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> http.post(create.path(), create.body()));
            }
            List<Http.Response> answers = together(calls);
            assertThat(answers).extracting(Http.Response::status).as(create.path()).containsOnly(202);
            assertThat(answers).extracting(r -> r.body().get(create.idMember()).asText()).as(create.path())
                    .containsOnly(answers.get(0).body().get(create.idMember()).asText());
        }
    }

    @Test
    void createPolicyRacingDeletePolicyEngineIsANotFoundOrAConflictNeverA500() throws Exception {
        for (int i = 0; i < TRIALS; i++) {
            String engineId = engine("Doomed" + i);
            List<Http.Response> answers = together(List.of(
                    () -> http.post("/policy-engines/" + engineId + "/policies", "{\"name\":\"Late\","
                            + "\"definition\":{\"cedar\":{\"statement\":\"" + STATEMENT + "\"}}}"),
                    () -> http.send("DELETE", "/policy-engines/" + engineId, null)));
            Http.Response create = answers.get(0);
            Http.Response delete = answers.get(1);
            if (create.status() == 202) {
                // the policy was stored first, so the engine is not empty
                assertThat(delete.errorType()).as("trial " + i).isEqualTo("ConflictException");
            } else {
                assertThat(create.status()).as("trial " + i + " " + create.body()).isEqualTo(404);
                assertThat(create.errorType()).isEqualTo("ResourceNotFoundException");
                assertThat(delete.status()).isEqualTo(202);
            }
        }
    }
}
