package com.cedarauthoring.api.generation;

import com.cedarauthoring.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/** Minimal JSON-over-HTTP client for tests, and polling with a deadline (no sleeps to wait for state). */
final class Http {
    record Response(int status, JsonNode body, String errorType) {}

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;

    Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Response post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = client.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = r.body().isEmpty() ? Json.mapper().createObjectNode() : Json.mapper().readTree(r.body());
            return new Response(r.statusCode(), body, r.headers().firstValue("x-amzn-ErrorType").orElse(null));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls {@code path} until {@code done} holds or the deadline passes; returns the last response. */
    Response pollUntil(String path, Predicate<JsonNode> done, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Response last = get(path);
        while (!done.test(last.body()) && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
            try {
                Thread.sleep(20); // poll interval, not a wait for a state
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            last = get(path);
        }
        return last;
    }
}
