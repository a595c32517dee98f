package com.cedarauthoring.api;

import com.cedarauthoring.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/** The API tests' JSON client (JDK HttpClient, loopback only), and polling with a deadline. */
public final class Http {
    /** Status, the {@code x-amzn-ErrorType} header (null on success) and the JSON body. */
    public record Response(int status, String errorType, JsonNode body) {}

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;

    public Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public Response send(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = r.body().isEmpty() ? Json.mapper().createObjectNode() : Json.mapper().readTree(r.body());
            return new Response(r.statusCode(), r.headers().firstValue("x-amzn-ErrorType").orElse(null), json);
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A response as it came: status, headers and body text (metrics, headers such as x-amzn-RequestId). */
    public record Raw(int status, java.net.http.HttpHeaders headers, String body) {}

    public Raw raw(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Raw(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    /** POST a JSON string as is, or any other object serialised with the service's mapper. */
    public Response post(String path, Object body) {
        return send("POST", path, json(body));
    }

    public static String json(Object body) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return Json.mapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Polls {@code path} until {@code done} holds or the deadline passes; returns the last response. */
    public Response pollUntil(String path, Predicate<JsonNode> done, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Response last = get(path);
        while (!done.test(last.body()) && Instant.now().isBefore(deadline)) {
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
