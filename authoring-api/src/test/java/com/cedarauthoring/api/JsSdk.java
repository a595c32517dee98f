package com.cedarauthoring.api;

import com.cedarauthoring.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The official AWS SDK for JavaScript v3 ({@code @aws-sdk/client-bedrock-agentcore-control}, GA model, pinned in
 * {@code src/test/js/package-lock.json}) driven from JUnit: {@code src/test/js/agentcore.mjs} runs a list of
 * calls in one {@code node} process against a local endpoint and prints each result as JSON.
 *
 * <p>{@code node_modules} comes from {@code npm ci} ({@code .ci/run} does it); without it the tests fail and say
 * so instead of skipping.
 */
public final class JsSdk {
    private static final Path DIR = Path.of("src", "test", "js").toAbsolutePath();

    /** One SDK call: the command name without {@code Command} and its input ({@code "$ref:i.member"} refers to call i). */
    public record Call(String op, Object input) {
        public static Call of(String op, Object input) {
            return new Call(op, input);
        }
    }

    /** One call's result: ok with HTTP status and output, or the SDK's error (name, message, reason, fieldList). */
    public record Result(boolean ok, int status, JsonNode output, JsonNode error) {
        public String errorName() {
            return error == null ? null : error.path("name").asText(null);
        }
    }

    private final int port;

    public JsSdk(int port) {
        this.port = port;
    }

    public Result call(String op, Object input) {
        return run(List.of(Call.of(op, input))).get(0);
    }

    public List<Result> run(List<Call> calls) {
        requireInstalled();
        ObjectNode request = Json.mapper().createObjectNode().put("endpoint", "http://127.0.0.1:" + port);
        ArrayNode list = request.putArray("calls");
        calls.forEach(c -> list.addObject().put("op", c.op()).set("input", Json.mapper().valueToTree(
                c.input() == null ? Map.of() : c.input())));
        try {
            Path stderr = Files.createTempFile("js-sdk", ".err");
            Process node = new ProcessBuilder("node", "agentcore.mjs").directory(DIR.toFile())
                    .redirectError(stderr.toFile()).start();
            try (var in = node.getOutputStream()) {
                in.write(Json.mapper().writeValueAsBytes(request));
            }
            byte[] out = node.getInputStream().readAllBytes();
            if (!node.waitFor(120, TimeUnit.SECONDS)) {
                node.destroyForcibly();
                throw new AssertionError("node did not finish within 120 s");
            }
            String err = Files.readString(stderr);
            Files.deleteIfExists(stderr);
            if (node.exitValue() != 0) {
                throw new AssertionError("node exited " + node.exitValue() + ": " + err);
            }
            JsonNode results = Json.mapper().readTree(new String(out, StandardCharsets.UTF_8));
            List<Result> parsed = new ArrayList<>();
            for (JsonNode r : results) {
                parsed.add(new Result(r.path("ok").asBoolean(), r.path("status").asInt(), r.get("output"), r.get("error")));
            }
            return parsed;
        } catch (IOException e) {
            throw new AssertionError("could not run node (Node 20+ must be on the PATH): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static void requireInstalled() {
        if (!Files.isDirectory(DIR.resolve("node_modules").resolve("@aws-sdk").resolve("client-bedrock-agentcore-control"))) {
            throw new AssertionError("The AWS SDK for JavaScript is not installed: run `npm ci` in " + DIR
                    + " (.ci/run does this before mvn -B verify)");
        }
    }
}
