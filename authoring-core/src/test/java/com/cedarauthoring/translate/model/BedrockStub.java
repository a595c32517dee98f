package com.cedarauthoring.translate.model;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.cedarauthoring.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A local stand-in for the Bedrock Converse API on a random loopback port, scripted per test: each
 * request takes the next scripted reply (the last one repeats). Records what it received.
 */
final class BedrockStub implements AutoCloseable {

    record Received(String rawPath, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst().map(e -> e.getValue().get(0)).orElse(null);
        }

        JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("request body is not JSON: " + body, e);
            }
        }

        String systemText() {
            return json().path("system").path(0).path("text").asText();
        }

        /** Text of every message, in order (user and assistant turns). */
        List<String> messageTexts() {
            List<String> out = new java.util.ArrayList<>();
            json().path("messages").forEach(m -> m.path("content").forEach(c -> out.add(c.path("text").asText())));
            return out;
        }
    }

    /** One scripted reply. */
    record Reply(int status, Map<String, String> headers, String body, long delayMillis) {
        static Reply text(String modelText) {
            try {
                String body = Json.mapper().writeValueAsString(Map.of(
                        "output", Map.of("message", Map.of("role", "assistant",
                                "content", List.of(Map.of("text", modelText)))),
                        "stopReason", "end_turn",
                        "usage", Map.of("inputTokens", 10, "outputTokens", 10, "totalTokens", 20)));
                return new Reply(200, Map.of(), body, 0);
            } catch (JsonProcessingException e) {
                throw new AssertionError(e);
            }
        }

        static Reply error(int status, String errorType) {
            return new Reply(status, Map.of("x-amzn-ErrorType",
                    errorType + ":http://internal.amazon.com/coral/com.amazon.bedrock/"),
                    "{\"message\":\"scripted " + errorType + "\"}", 0);
        }

        static Reply raw(int status, String body) {
            return new Reply(status, Map.of(), body, 0);
        }

        Reply delayed(long millis) {
            return new Reply(status, headers, body, millis);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ConcurrentLinkedQueue<Function<Received, Reply>> script = new ConcurrentLinkedQueue<>();
    private volatile Function<Received, Reply> last = r -> Reply.error(500, "InternalServerException");
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    // Released on close so handlers that simulate a slow model never outlive the test.
    private final CountDownLatch closing = new CountDownLatch(1);

    BedrockStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    BedrockStub then(Reply reply) {
        return then(r -> reply);
    }

    BedrockStub then(Function<Received, Reply> reply) {
        script.add(reply);
        last = reply;
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            Received r = new Received(ex.getRequestURI().getRawPath(), Map.copyOf(ex.getRequestHeaders()),
                    new String(ex.getRequestBody().readAllBytes(), UTF_8));
            received.add(r);
            Function<Received, Reply> next = script.poll();
            Reply reply = (next == null ? last : next).apply(r);
            if (reply.delayMillis() > 0) {
                closing.await(reply.delayMillis(), TimeUnit.MILLISECONDS);
            }
            byte[] out = reply.body().getBytes(UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.getResponseHeaders().add("x-amzn-RequestId", "stub-" + received.size());
            reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            ex.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (var os = ex.getResponseBody()) {
                    os.write(out);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (timeout): nothing to answer
        } finally {
            inFlight.decrementAndGet();
            ex.close();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
