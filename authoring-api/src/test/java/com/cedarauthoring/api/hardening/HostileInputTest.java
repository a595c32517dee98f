package com.cedarauthoring.api.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.api.Application;
import com.cedarauthoring.api.Http;
import com.cedarauthoring.api.ServiceConfig;
import com.cedarauthoring.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests a hostile or unlucky client sends (issue 8 items 3, 4, 10, 11, 12): each gets an
 * AgentCore-shaped 4xx with {@code x-amzn-ErrorType}, never a 500 or an HTML page, and changes nothing.
 */
class HostileInputTest {
    @TempDir
    static Path dataDir;
    static Application app;
    static Http http;

    @BeforeAll
    static void start() {
        app = Application.start(ServiceConfig.local(dataDir));
        http = new Http(app.port());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static String gateway(String name) {
        Http.Response r = http.post("/gateways/", "{\"name\":\"" + name + "\",\"roleArn\":\"arn:aws:iam::123456789012:role/R\","
                + "\"authorizerType\":\"CUSTOM_JWT\"}");
        assertThat(r.status()).as(r.body().toString()).isEqualTo(202);
        return r.body().get("gatewayId").asText();
    }

    static void assertValidation(Http.Response r, String... messageParts) {
        assertThat(r.status()).as(r.body().toString()).isEqualTo(400);
        assertThat(r.errorType()).isEqualTo("ValidationException");
        assertThat(r.body().path("message").asText()).contains(messageParts);
    }

    // ---- item 3: $ref expansion and schema size ----

    /** An OpenAPI document of 2-3 KB whose $refs double the schema at each of 16 levels (2^16 copies). */
    static String doublingOpenApi(int levels) {
        ObjectNode schemas = Json.mapper().createObjectNode();
        for (int i = 0; i < levels; i++) {
            ObjectNode s = schemas.putObject("S" + i).put("type", "object");
            ObjectNode props = s.putObject("properties");
            if (i + 1 < levels) {
                props.putObject("left").put("$ref", "#/components/schemas/S" + (i + 1));
                props.putObject("right").put("$ref", "#/components/schemas/S" + (i + 1));
            } else {
                props.putObject("leaf").put("type", "string");
            }
        }
        ObjectNode doc = Json.mapper().createObjectNode().put("openapi", "3.0.0");
        doc.putObject("info").put("title", "bomb").put("version", "1");
        doc.putObject("paths").putObject("/bomb").putObject("post").put("operationId", "bomb")
                .putObject("requestBody").putObject("content").putObject("application/json").putObject("schema")
                .put("$ref", "#/components/schemas/S0");
        doc.putObject("components").set("schemas", schemas);
        return doc.toString();
    }

    static String openApiTarget(String name, String document) {
        ObjectNode body = Json.mapper().createObjectNode().put("name", name);
        body.putObject("targetConfiguration").putObject("mcp").putObject("openApiSchema").put("inlinePayload", document);
        return body.toString();
    }

    @Test
    void refExpansionBlowUpIsRefusedNamingTheTargetAndTheLimit() {
        String gatewayId = gateway("ref-bomb");
        String bomb = doublingOpenApi(16);
        assertThat(bomb.length()).isLessThan(4_000);
        Http.Response r = http.post("/gateways/" + gatewayId + "/targets/", openApiTarget("Bomb", bomb));
        assertValidation(r, "Target 'Bomb'", "409600 characters");
        // the gateway is untouched and still takes ordinary targets
        assertThat(http.get("/gateways/" + gatewayId + "/targets").body().get("items")).isEmpty();
        assertThat(http.post("/gateways/" + gatewayId + "/targets/", openApiTarget("Small", doublingOpenApi(3))).status())
                .isEqualTo(202);
    }

    @Test
    void gatewaySchemaOverFourHundredKilobytesIsRefusedNamingTheTarget() {
        String gatewayId = gateway("huge-schema");
        ObjectNode properties = Json.mapper().createObjectNode();
        for (int i = 0; i < 9_000; i++) {
            properties.putObject(String.format(Locale.ROOT, "property_with_a_rather_long_name_%06d", i)).put("type", "string");
        }
        ObjectNode body = Json.mapper().createObjectNode().put("name", "Huge");
        ArrayNode tools = body.putObject("targetConfiguration").putObject("mcp").putObject("lambda")
                .put("lambdaArn", "arn:aws:lambda:us-west-2:123456789012:function:f")
                .putObject("toolSchema").putArray("inlinePayload");
        tools.addObject().put("name", "huge").putObject("inputSchema").put("type", "object").set("properties", properties);
        assertThat(body.toString().length()).isLessThan(1_048_576);
        Http.Response r = http.post("/gateways/" + gatewayId + "/targets/", body.toString());
        assertValidation(r, "Target 'Huge'", "409600 bytes");
    }

    // ---- item 4: lengths are validated before storage ----

    @Test
    void namesLongerThanAgentCoreAllowsAreValidationErrorsNotStorageErrors() {
        String longName = "a-".repeat(60) + "a"; // 121 characters that match ([0-9a-zA-Z][-]?){1,100}
        Http.Response g = http.post("/gateways/", "{\"name\":\"" + longName + "\",\"roleArn\":\"arn:aws:iam::123456789012:role/R\","
                + "\"authorizerType\":\"CUSTOM_JWT\"}");
        assertValidation(g, "between 1 and 100");
        String gatewayId = gateway("names");
        Http.Response t = http.post("/gateways/" + gatewayId + "/targets/", openApiTarget(longName, doublingOpenApi(1)));
        assertValidation(t, "between 1 and 100");
        Http.Response hundred = http.post("/gateways/", "{\"name\":\"" + "b".repeat(100) + "\","
                + "\"roleArn\":\"arn:aws:iam::123456789012:role/R\",\"authorizerType\":\"CUSTOM_JWT\"}");
        assertThat(hundred.status()).as(hundred.body().toString()).isEqualTo(202);
        Http.Response arn = http.post("/gateways/", "{\"name\":\"long-arn\",\"roleArn\":\"arn:aws:iam::123456789012:role/R\","
                + "\"authorizerType\":\"CUSTOM_JWT\",\"policyEngineConfiguration\":{\"arn\":\"arn:aws:bedrock-agentcore:"
                + "x".repeat(200) + ":123456789012:policy-engine/E-abcdefghij\",\"mode\":\"ENFORCE\"}}");
        assertValidation(arn, "between 1 and 170");
    }

    @Test
    void aPolicyScopedToAVeryLongResourceIsStored() {
        String engineId = http.post("/policy-engines", "{\"name\":\"LongScope\"}").body().get("policyEngineId").asText();
        String resource = "arn:aws:bedrock-agentcore:us-west-2:123456789012:gateway/" + "g".repeat(2_000);
        Http.Response r = http.post("/policy-engines/" + engineId + "/policies", "{\"name\":\"Long\",\"definition\":"
                + "{\"cedar\":{\"statement\":\"permit(principal, action, resource == AgentCore::Gateway::\\\"" + resource
                + "\\\");\"}}}");
        assertThat(r.status()).as(r.body().toString()).isEqualTo(202);
        Http.Response listed = http.get("/policy-engines/" + engineId + "/policies?targetResourceScope=" + "arn:aws:x".repeat(3));
        assertThat(listed.status()).isEqualTo(200);
    }

    // ---- item 10: strict JSON ----

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"name\":\"Trailing\"} garbage",
        "{\"name\":\"Trailing\"}{\"name\":\"Again\"}",
        "{\"name\":\"Duplicate\",\"name\":\"Twice\"}",
        "{\"name\":\"Surrogate\",\"description\":\"\\ud800 alone\"}",
        "{\"name\":\"Surrogate\",\"description\":\"low \\udc00 first\"}",
        "{\"name\":\"Surrogate\",\"\\ud83d\":\"key\"}"})
    void malformedJsonIsRefusedAndStoresNothing(String body) {
        int before = http.get("/policy-engines?maxResults=100").body().get("policyEngines").size();
        Http.Response r = http.post("/policy-engines", body);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(400);
        assertThat(r.errorType()).isEqualTo("ValidationException");
        assertThat(r.body().path("reason").asText()).isEqualTo("CannotParse");
        assertThat(http.get("/policy-engines?maxResults=100").body().get("policyEngines")).hasSize(before);
    }

    @Test
    void aPairedSurrogateIsAcceptedAndStoredIntact() {
        Http.Response r = http.post("/policy-engines", "{\"name\":\"Emoji\",\"description\":\"refunds \\ud83d\\ude00\"}");
        assertThat(r.status()).as(r.body().toString()).isEqualTo(202);
        assertThat(http.get("/policy-engines/" + r.body().get("policyEngineId").asText()).body().get("description").asText())
                .isEqualTo("refunds \uD83D\uDE00");
    }

    // ---- item 11: Jetty's own errors are AgentCore JSON ----

    record Raw(int status, Map<String, String> headers, String body) {}

    /** Sends bytes as they are (no client library would send these) and reads the answer until close. */
    static Raw raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            int n;
            try {
                while ((n = in.read(chunk)) > 0) {
                    buffer.write(chunk, 0, n);
                }
            } catch (java.net.SocketException reset) {
                // the server may reset after answering a message it refuses to read on
            }
            String text = buffer.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            assertThat(split).as("an HTTP response: " + text).isPositive();
            String[] head = text.substring(0, split).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.put(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).trim());
            }
            return new Raw(Integer.parseInt(head[0].split(" ")[1]), headers, text.substring(split + 4));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nul-in-id", "long-uri", "big-header", "bad-content-length", "bad-request-line"})
    void jettyErrorsAreAgentCoreJson(String kind) throws Exception {
        String request = switch (kind) {
            case "nul-in-id" -> "GET /policy-engines/abc%00def HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
            case "long-uri" -> "GET /policy-engines/" + "a".repeat(9_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
            case "big-header" -> "GET /policy-engines HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(9_000)
                    + "\r\nConnection: close\r\n\r\n";
            case "bad-content-length" -> "POST /policy-engines HTTP/1.1\r\nHost: x\r\nContent-Length: 12abc\r\n"
                    + "Content-Type: application/json\r\nConnection: close\r\n\r\n{}";
            default -> "GARBAGE\r\n\r\n";
        };
        Raw r = raw(request);
        assertThat(r.status()).as(kind + ": " + r).isBetween(400, 499);
        assertThat(r.headers()).as(kind + ": " + r).containsEntry("x-amzn-errortype", "ValidationException");
        assertThat(r.headers().get("content-type")).as(kind).startsWith("application/json");
        JsonNode body = Json.mapper().readTree(r.body());
        assertThat(body.path("message").asText()).as(kind).isNotBlank();
        assertThat(r.body()).doesNotContain("<html", "org.eclipse");
    }

    // ---- item 12: an attached engine must exist ----

    @Test
    void attachingAPolicyEngineThatDoesNotExistIsNotFound() {
        String missing = "arn:aws:bedrock-agentcore:us-west-2:123456789012:policy-engine/Missing-abcdefghij";
        String body = "{\"name\":\"ENGINE\",\"roleArn\":\"arn:aws:iam::123456789012:role/R\",\"authorizerType\":\"CUSTOM_JWT\","
                + "\"policyEngineConfiguration\":{\"arn\":\"ARN\",\"mode\":\"ENFORCE\"}}";
        Http.Response create = http.post("/gateways/", body.replace("ENGINE", "missing-engine").replace("ARN", missing));
        assertThat(create.status()).as(create.body().toString()).isEqualTo(404);
        assertThat(create.errorType()).isEqualTo("ResourceNotFoundException");

        String gatewayId = gateway("engine-later");
        Http.Response update = http.send("PATCH", "/gateways/" + gatewayId,
                "{\"policyEngineConfiguration\":{\"arn\":\"" + missing + "\",\"mode\":\"ENFORCE\"}}");
        assertThat(update.status()).isEqualTo(404);
        assertThat(update.errorType()).isEqualTo("ResourceNotFoundException");
        assertThat(http.get("/gateways/" + gatewayId).body().has("policyEngineConfiguration")).isFalse();

        String existing = http.post("/policy-engines", "{\"name\":\"Attached\"}").body().get("policyEngineArn").asText();
        Http.Response attached = http.send("PATCH", "/gateways/" + gatewayId,
                "{\"policyEngineConfiguration\":{\"arn\":\"" + existing + "\",\"mode\":\"ENFORCE\"}}");
        assertThat(attached.status()).as(attached.body().toString()).isEqualTo(202);
    }
}
