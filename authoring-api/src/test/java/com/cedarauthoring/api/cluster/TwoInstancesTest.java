package com.cedarauthoring.api.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.api.Http;
import com.cedarauthoring.fixtures.Fixtures;
import com.cedarauthoring.json.Json;
import com.cedarauthoring.store.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two service instances, each its own JVM, on one real PostgreSQL, as behind a load balancer. Both
 * start at the same moment on an empty database, so Flyway's migrations race too. The kill -9 test runs
 * last: it kills one of the two.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesTest {
    TestPostgres.Db pg;
    NodeProcess a;
    NodeProcess b;
    Http httpA;
    Http httpB;
    String gatewayId;
    String gatewayArn;
    String engineId;
    ExecutorService pool = Executors.newFixedThreadPool(8);

    @BeforeAll
    void startBothAtOnce(@TempDir Path dir) throws Exception {
        pg = TestPostgres.freshDatabase();
        Path markers = Files.createDirectories(dir.resolve("markers"));
        List<String> args = List.of(pg.url(), pg.user(), pg.password(), markers.toString());
        a = new NodeProcess("A", args, dir.resolve("a.log"));
        b = new NodeProcess("B", args, dir.resolve("b.log"));
        httpA = new Http(a.awaitReady());
        httpB = new Http(b.awaitReady());

        JsonNode refund = Fixtures.gateways().get("refund").gateway();
        JsonNode created = ok(httpA.post("/gateways/", refund));
        gatewayId = created.get("gatewayId").asText();
        gatewayArn = created.get("gatewayArn").asText();
        for (JsonNode target : Fixtures.gateways().get("refund").targets()) {
            ok(httpB.post("/gateways/" + gatewayId + "/targets/", target));
        }
        engineId = ok(httpB.post("/policy-engines", Map.of("name", "ClusterEngine"))).get("policyEngineId").asText();
    }

    @AfterAll
    void stop() throws Exception {
        pool.shutdownNow();
        for (NodeProcess n : new NodeProcess[] {a, b}) {
            if (n != null) {
                n.close();
            }
        }
        if (pg != null) {
            TestPostgres.drop(pg);
        }
    }

    @Test
    @Order(1)
    void generationsStartedOnEitherInstanceRunExactlyOnce() throws Exception {
        int n = 40;
        List<Callable<String>> starts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Http via = i % 2 == 0 ? httpA : httpB;
            String text = requirement(i);
            String name = "once_" + i;
            starts.add(() -> ok(via.post(generations(), Map.of("name", name,
                    "resource", Map.of("arn", gatewayArn), "content", Map.of("rawText", text)))).get("policyGenerationId").asText());
        }
        List<String> ids = new ArrayList<>();
        for (Future<String> f : pool.invokeAll(starts)) {
            ids.add(f.get());
        }
        for (int i = 0; i < n; i++) {
            Http other = i % 2 == 0 ? httpB : httpA;
            JsonNode done = other.pollUntil(generations() + "/" + ids.get(i),
                    g -> !"GENERATING".equals(g.path("status").asText()), Duration.ofSeconds(60)).body();
            assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("GENERATED");
            assertThat(other.get(generations() + "/" + ids.get(i) + "/assets").body().get("policyGenerationAssets"))
                    .hasSize(1);
        }
        // Exactly once where it counts: each generation is completed (its assets stored, GENERATED) by exactly
        // one job run, on one instance, as each instance's own counter of completions shows. A job whose
        // instance misses heartbeats (a stalled JVM on a busy machine) may be run again elsewhere; the
        // store lets only the first completion through, so that rerun changes nothing.
        double completed = generated(httpA) + generated(httpB);
        assertThat(completed).as("completions on A and B").isEqualTo(n);
        long byA = 0;
        for (int i = 0; i < n; i++) {
            String text = requirement(i);
            assertThat(a.translations(text) + b.translations(text)).as("runs of '%s'", text).isBetween(1L, 2L);
            byA += a.translations(text) > 0 ? 1 : 0;
        }
        assertThat(byA).as("jobs run by instance A (of %d)", n).isBetween(1L, n - 1L);
    }

    /** This instance's count of generations it completed ({@code GET /metrics}). */
    static double generated(Http http) {
        String scrape = http.raw("GET", "/metrics", null).body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "^authoring_generations_total\\{[^}]*outcome=\"GENERATED\"[^}]*} (\\S+)$", java.util.regex.Pattern.MULTILINE)
                .matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    @Order(2)
    void clientTokensAndNamesHoldAcrossInstances() throws Exception {
        for (int i = 0; i < 10; i++) {
            String token = "cluster-token-" + i + "-" + "x".repeat(30);
            Map<String, Object> sameRequest = Map.of("name", "Idem" + i, "clientToken", token);
            List<JsonNode> answers = both(() -> httpA.post("/policy-engines", sameRequest),
                    () -> httpB.post("/policy-engines", sameRequest));
            assertThat(answers).allSatisfy(r -> assertThat(r.path("policyEngineId").asText()).isNotEmpty());
            assertThat(answers.get(0).get("policyEngineId")).isEqualTo(answers.get(1).get("policyEngineId"));

            Map<String, Object> sameName = Map.of("name", "Taken" + i);
            List<Http.Response> raced = bothRaw(() -> httpA.post("/policy-engines", sameName),
                    () -> httpB.post("/policy-engines", sameName));
            assertThat(raced).extracting(Http.Response::status).containsExactlyInAnyOrder(202, 409);

            Map<String, Object> generation = Map.of("name", "idem_" + i, "clientToken", token,
                    "resource", Map.of("arn", gatewayArn), "content", Map.of("rawText", requirement(100 + i)));
            List<JsonNode> started = both(() -> httpA.post(generations(), generation), () -> httpB.post(generations(), generation));
            assertThat(started.get(0).get("policyGenerationId")).isEqualTo(started.get(1).get("policyGenerationId"));
        }
    }

    @Test
    @Order(3)
    void concurrentUpdatesFromBothInstancesLoseNothing() throws Exception {
        String statement = "permit (principal, action == AgentCore::Action::\"RefundTarget___process_refund\", "
                + "resource == AgentCore::Gateway::\"" + gatewayArn + "\") when { context.input.amount < %d };";
        String policyId = ok(httpA.post(policies(), Map.of("name", "Raced", "validationMode", "IGNORE_ALL_FINDINGS",
                "definition", Map.of("cedar", Map.of("statement", String.format(statement, 1)))))).get("policyId").asText();
        for (int i = 0; i < 10; i++) {
            String description = "round " + i;
            String cedar = String.format(statement, 100 + i);
            List<Http.Response> answers = bothRaw(
                    () -> httpA.send("PATCH", policies() + "/" + policyId, Http.json(Map.of("description", description))),
                    () -> httpB.send("PATCH", policies() + "/" + policyId, Http.json(Map.of("validationMode", "IGNORE_ALL_FINDINGS",
                            "definition", Map.of("cedar", Map.of("statement", cedar))))));
            JsonNode now = httpB.get(policies() + "/" + policyId).body();
            // every change that was acknowledged is there; a loser may only be told (409), never dropped
            if (answers.get(0).status() == 202) {
                assertThat(now.path("description").asText()).as("round %d: %s", i, now).isEqualTo(description);
            }
            if (answers.get(1).status() == 202) {
                assertThat(now.at("/definition/cedar/statement").asText()).as("round %d: %s", i, now).contains("< " + (100 + i));
            }
            assertThat(answers).extracting(Http.Response::status).allSatisfy(s -> assertThat(s).isIn(202, 409));
        }
    }

    @Test
    @Order(4)
    void theSchemaIsNeverStaleOnTheOtherInstance() {
        String schemaPath = "/gateways/" + gatewayId + "/schema";
        assertThat(ok(httpB.get(schemaPath)).get("cedar").asText()).doesNotContain("issue_voucher"); // cached on B now
        ObjectNode target = (ObjectNode) Json.mapper().valueToTree(Map.of("name", "VoucherTarget", "targetConfiguration",
                Map.of("mcp", Map.of("lambda", Map.of("lambdaArn", "arn:aws:lambda:us-west-2:123456789012:function:V",
                        "toolSchema", Map.of("inlinePayload", List.of(Map.of("name", "issue_voucher", "description", "Voucher",
                                "inputSchema", Map.of("type", "object", "properties", Map.of("value", Map.of("type", "integer")))))))))));
        String targetId = ok(httpA.post("/gateways/" + gatewayId + "/targets/", target)).get("targetId").asText();
        assertThat(ok(httpB.get(schemaPath)).get("cedar").asText()).contains("VoucherTarget___issue_voucher");
        // and a policy for the new tool validates on B at once
        JsonNode policy = ok(httpB.post(policies(), Map.of("name", "Voucher", "definition", Map.of("cedar", Map.of("statement",
                "permit (principal, action == AgentCore::Action::\"VoucherTarget___issue_voucher\", resource == AgentCore::Gateway::\""
                        + gatewayArn + "\") when { context.input has value && context.input.value < 50 };")))));
        JsonNode settled = httpB.get(policies() + "/" + policy.get("policyId").asText()).body();
        assertThat(settled.path("status").asText()).as(settled.toString()).isEqualTo("ACTIVE");
        assertThat(httpA.send("DELETE", "/gateways/" + gatewayId + "/targets/" + targetId, null).status()).isEqualTo(202);
        assertThat(ok(httpB.get(schemaPath)).get("cedar").asText()).doesNotContain("issue_voucher");
    }

    @Test
    @Order(5)
    void killDashNineOfTheInstanceRunningAJobAndTheOtherFinishesIt() throws Exception {
        String text = "Allow user slowly-agent to process refunds when the amount is less than $300.";
        String id = ok(httpA.post(generations(), Map.of("name", "survives_kill", "resource", Map.of("arn", gatewayArn),
                "content", Map.of("rawText", text)))).get("policyGenerationId").asText();
        NodeProcess running = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (running == null && System.nanoTime() < deadline) {
            running = a.translations(text) > 0 ? a : b.translations(text) > 0 ? b : null;
            Thread.sleep(20); // poll interval
        }
        assertThat(running).as("an instance picked the job up").isNotNull();
        NodeProcess survivor = running == a ? b : a;
        Http survivorHttp = running == a ? httpB : httpA;
        assertThat(survivorHttp.get(generations() + "/" + id).body().path("status").asText()).isEqualTo("GENERATING");
        running.killDashNine();
        JsonNode done = survivorHttp.pollUntil(generations() + "/" + id,
                g -> !"GENERATING".equals(g.path("status").asText()), Duration.ofSeconds(60)).body();
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("GENERATED");
        assertThat(survivor.translations(text)).as("the survivor ran the revived job").isEqualTo(1);
        assertThat(survivorHttp.get(generations() + "/" + id + "/assets").body().get("policyGenerationAssets")).hasSize(1);
    }

    static String requirement(int i) {
        return "Allow user agent-" + i + " to process refunds when the amount is less than $" + (100 + i) + ".";
    }

    String generations() {
        return "/policy-engines/" + engineId + "/policy-generations";
    }

    String policies() {
        return "/policy-engines/" + engineId + "/policies";
    }

    static JsonNode ok(Http.Response r) {
        assertThat(r.status()).as(r.body().toString()).isIn(200, 201, 202);
        return r.body();
    }

    List<JsonNode> both(Callable<Http.Response> first, Callable<Http.Response> second) throws Exception {
        return bothRaw(first, second).stream().map(TwoInstancesTest::ok).toList();
    }

    /** Sends both requests at the same moment, one to each instance. */
    List<Http.Response> bothRaw(Callable<Http.Response> first, Callable<Http.Response> second) throws Exception {
        java.util.concurrent.CyclicBarrier barrier = new java.util.concurrent.CyclicBarrier(2);
        List<Future<Http.Response>> futures = pool.invokeAll(List.of(() -> {
            barrier.await();
            return first.call();
        }, () -> {
            barrier.await();
            return second.call();
        }));
        List<Http.Response> out = new ArrayList<>();
        for (Future<Http.Response> f : futures) {
            out.add(f.get());
        }
        return out;
    }
}
