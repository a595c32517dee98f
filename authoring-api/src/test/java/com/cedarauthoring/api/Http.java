package com.cedarauthoring.api;

import com.cedarauthoring.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The API tests' JSON client (JDK HttpClient, loopback only), and polling with a deadline. {@link #signed}
 * signs every request with AWS Signature V4 using the AWS SDK's own signer, as an SDK would.
 */
public final class Http {
    /** Status, the {@code x-amzn-ErrorType} header (null on success) and the JSON body. */
    public record Response(int status, String errorType, JsonNode body) {}

    /** How requests are signed: key, region and signing clock; null key = unsigned. */
    public record Signing(TestCredentials.Key key, String region, Clock clock) {}

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final int port;
    private final String base;
    private final Signing signing;
    private final java.util.Map<String, String> headers;

    public Http(int port) {
        this(port, null, java.util.Map.of());
    }

    private Http(int port, Signing signing, java.util.Map<String, String> headers) {
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
        this.signing = signing;
        this.headers = java.util.Map.copyOf(headers);
    }

    /** The same client sending one more header on every request (e.g. {@code Authorization: Bearer <JWT>}). */
    public Http withHeader(String name, String value) {
        java.util.Map<String, String> more = new java.util.HashMap<>(headers);
        more.put(name, value);
        return new Http(port, signing, more);
    }

    /** Every request signed with {@code key} for us-west-2 at the current time. */
    public static Http signed(int port, TestCredentials.Key key) {
        return new Http(port, new Signing(key, "us-west-2", Clock.systemUTC()), java.util.Map.of());
    }

    public static Http signed(int port, Signing signing) {
        return new Http(port, signing, java.util.Map.of());
    }

    public Response send(String method, String path, String body) {
        return send(method, path, body, body);
    }

    /** Signs {@code signedBody} but sends {@code sentBody}: a body tampered with in transit. */
    public Response send(String method, String path, String signedBody, String sentBody) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, sentBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(sentBody));
        headers.forEach(b::header);
        if (signing != null) {
            sign(b, method, path, signedBody);
        }
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            // the console's pages are HTML: their text stands in for a JSON body
            boolean isJson = r.headers().firstValue("Content-Type").map(t -> t.contains("json")).orElse(true);
            JsonNode json = r.body().isEmpty() ? Json.mapper().createObjectNode()
                    : isJson ? Json.mapper().readTree(r.body()) : Json.mapper().getNodeFactory().textNode(r.body());
            return new Response(r.statusCode(), r.headers().firstValue("x-amzn-ErrorType").orElse(null), json);
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * {@code path} presigned with this client's signing (the signature in the query, valid for {@code expires}), as
     * the SDK's {@code AwsV4HttpSigner} with {@code AUTH_LOCATION = QUERY_STRING} makes it: send it with an unsigned
     * client.
     */
    public String presign(String method, String path, String body, Duration expires) {
        var signed = AwsV4HttpSigner.create().sign(s -> s
                .identity(AwsCredentialsIdentity.create(signing.key().accessKeyId(), signing.key().secretAccessKey()))
                .request(request(method, path).build())
                .payload(ContentStreamProvider.fromByteArray(body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8)))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "bedrock-agentcore")
                .putProperty(AwsV4HttpSigner.REGION_NAME, signing.region())
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4HttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, expires)
                .putProperty(HttpSigner.SIGNING_CLOCK, signing.clock()));
        URI uri = signed.request().getUri();
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    /** The request the SDK's signer sees: method, host and port, path and decoded query parameters. */
    private SdkHttpFullRequest.Builder request(String method, String path) {
        int q = path.indexOf('?');
        SdkHttpFullRequest.Builder r = SdkHttpFullRequest.builder().method(SdkHttpMethod.fromValue(method))
                .protocol("http").host("127.0.0.1").port(port).encodedPath(q < 0 ? path : path.substring(0, q));
        if (q >= 0) {
            for (String pair : path.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                r.appendRawQueryParameter(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return r;
    }

    private void sign(HttpRequest.Builder b, String method, String path, String body) {
        SdkHttpFullRequest.Builder r = request(method, path).putHeader("Content-Type", "application/json");
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        var signed = AwsV4HttpSigner.create().sign(s -> s
                .identity(AwsCredentialsIdentity.create(signing.key().accessKeyId(), signing.key().secretAccessKey()))
                .request(r.build()).payload(ContentStreamProvider.fromByteArray(bytes))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "bedrock-agentcore")
                .putProperty(AwsV4HttpSigner.REGION_NAME, signing.region())
                .putProperty(HttpSigner.SIGNING_CLOCK, signing.clock()));
        signed.request().headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-type")) {
                values.forEach(v -> b.header(name, v));
            }
        });
    }

    /** A response as it came: status, headers and body text (metrics, headers such as x-amzn-RequestId). */
    public record Raw(int status, java.net.http.HttpHeaders headers, String body) {}

    public Raw raw(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (signing != null) {
            sign(b, method, path, body);
        }
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
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
