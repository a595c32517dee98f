package com.cedarauthoring.api.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.api.Http;
import com.cedarauthoring.api.Main;
import com.cedarauthoring.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --log-format json} as an operator runs it (its own JVM): every log line is one JSON
 * object, and the lines a request causes carry the request id its response returned in x-amzn-RequestId.
 */
class JsonLogsTest {

    @Test
    void everyLineIsJsonAndRequestLinesCarryTheResponseRequestId(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve", "--port", "0", "--data-dir", dir.resolve("data").toString(),
                "--log-format", "json").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (java.io.IOException ignored) {
                // process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            int port = awaitPort(lines, process);
            Http http = new Http(port);
            Http.Raw ok = http.raw("POST", "/policy-engines", "{\"name\": \"Logged\"}");
            Http.Raw bad = http.raw("POST", "/policy-engines", "{\"name\": \"no spaces allowed\"}");
            assertThat(ok.status()).isEqualTo(202);
            assertThat(bad.status()).isEqualTo(400);
            for (Http.Raw r : List.of(ok, bad)) {
                String id = r.headers().firstValue("x-amzn-RequestId").orElseThrow();
                JsonNode line = awaitLine(lines, id);
                assertThat(line.path("level").asText()).isEqualTo("INFO");
                assertThat(line.path("formattedMessage").asText()).startsWith("CreatePolicyEngine POST /policy-engines "
                        + r.status());
            }
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
            process.destroyForcibly();
        }
        assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(Json.mapper().readTree(l).isObject()).as(l).isTrue());
    }

    static int awaitPort(List<String> lines, Process process) throws Exception {
        Pattern ready = Pattern.compile("ready at http:\\\\?/\\\\?/127\\.0\\.0\\.1:(\\d+)");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            for (String l : lines) {
                Matcher m = ready.matcher(l);
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
            assertThat(process.isAlive()).as("service alive; its log: %s", lines).isTrue();
            Thread.sleep(50); // poll interval
        }
        throw new AssertionError("service did not start: " + lines);
    }

    static JsonNode awaitLine(List<String> lines, String requestId) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            for (String l : lines) {
                JsonNode node = Json.mapper().readTree(l);
                if (requestId.equals(node.at("/mdc/requestId").asText())) {
                    return node;
                }
            }
            Thread.sleep(20); // poll interval
        }
        throw new AssertionError("no log line with requestId " + requestId + " in " + lines);
    }
}
