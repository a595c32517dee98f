package com.cedarauthoring.api.generation;

import com.cedarauthoring.api.Http;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generation accepted with 202 is finished even if the process is killed (kill -9) while the job
 * runs: the service runs as a separate JVM, is destroyed forcibly inside the translator, restarted on
 * the same data directory, and the revived job completes.
 */
class GenerationDurabilityTest {

    static final class Service implements AutoCloseable {
        final Process process;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        Service(Path dataDir, long slowMillis, Path log) throws Exception {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    GenerationTestServer.class.getName(), dataDir.toString(), Long.toString(slowMillis), "250"))
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (java.io.IOException ignored) {
                    // the process died: that is the point of the test
                }
            }, "child-stdout");
            reader.setDaemon(true);
            reader.start();
        }

        String await(String prefix) throws InterruptedException {
            // generous: a machine busy with other builds can take a minute to start a JVM
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line != null && line.startsWith(prefix)) {
                    return line;
                }
                if (line == null && !process.isAlive()) {
                    throw new AssertionError("service exited with " + process.exitValue() + " before printing " + prefix);
                }
            }
            throw new AssertionError("no line starting with " + prefix + " within 180 s");
        }

        @Override
        public void close() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void acceptedGenerationFinishesAfterKillDashNineAndRestart(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Path log = dir.resolve("service.log");
        String generationPath;
        try (Service first = new Service(data, 60_000, log)) {
            String[] ready = first.await("READY").split(" ");
            Http http = new Http(Integer.parseInt(ready[1]));
            String base = "/policy-engines/" + ready[2] + "/policy-generations";
            Http.Response started = http.post(base, GenerationRoutesTest.body("survives_crash", ready[3],
                    "Allow slow refunds under $500.", null));
            assertThat(started.status()).isEqualTo(202);
            generationPath = base + "/" + started.body().get("policyGenerationId").asText();
            first.await("TRANSLATING");
            Http.Response during = http.get(generationPath);
            assertThat(during.body().path("status").asText()).as(during.status() + " " + during.body()).isEqualTo("GENERATING");
            first.process.destroyForcibly(); // kill -9 while the job is inside the translator
            assertThat(first.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        try (Service second = new Service(data, 0, log)) {
            String[] ready = second.await("READY").split(" ");
            Http http = new Http(Integer.parseInt(ready[1]));
            JsonNode done = http.pollUntil(generationPath, b -> !"GENERATING".equals(b.path("status").asText()),
                    Duration.ofSeconds(30)).body();
            assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("GENERATED");
            JsonNode assets = http.get(generationPath + "/assets").body().get("policyGenerationAssets");
            assertThat(assets).hasSize(1);
            assertThat(assets.get(0).at("/definition/cedar/statement").asText()).contains("context.input.amount < 500");
            // "slow" only steers the test translator; the grounding check rightly finds no part of the policy for it
            assertThat(assets.get(0).get("findings").findValuesAsText("code")).contains("UNCONSUMED_WORDS");
        }
    }
}
