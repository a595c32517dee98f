package com.cedarauthoring.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cedarauthoring.api.Application;
import com.cedarauthoring.api.Http;
import com.cedarauthoring.api.SdkService;
import com.cedarauthoring.api.LocalSdk;
import com.cedarauthoring.api.ServiceConfig;
import com.cedarauthoring.api.TestCredentials;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;

/**
 * Issue 10's identity proof: the real AWS SDK client and raw requests signed by the SDK's signer against a
 * service with a credentials file. Each failure answers 403 with AWS's error name and changes nothing.
 */
class SigV4AuthTest {
    // one signed service (credentials file of TestCredentials) for the whole class
    @RegisterExtension
    static final SdkService service = SdkService.signed();

    @Test
    void theRightKeyWorksThroughTheSdk() {
        try (BedrockAgentCoreControlClient sdk = LocalSdk.client(service.app().port(), TestCredentials.ADMIN)) {
            var engine = sdk.createPolicyEngine(b -> b.name("SignedEngine"));
            assertThat(sdk.getPolicyEngine(b -> b.policyEngineId(engine.policyEngineId())).name()).isEqualTo("SignedEngine");
            // query parameters are part of the canonical request
            assertThat(sdk.listPolicyEngines(b -> b.maxResults(1)).policyEngines()).hasSize(1);
        }
    }

    @Test
    void rawSignedRequestsToExtensionPathsWithQueryParameters() {
        Http admin = Http.signed(service.app().port(), TestCredentials.ADMIN);
        assertThat(admin.get("/audit-events?maxResults=5").status()).isEqualTo(200);
        // encoded characters in the query (':' '/' and a space) canonicalise as the SDK signs them
        Http.Response filtered = admin.get("/audit-events?resourceArn=arn%3Aaws%3Abedrock-agentcore%3Aus-west-2%3A1%3Agateway%2Fx"
                + "&principal=ada%20lovelace&maxResults=2");
        assertThat(filtered.status()).as(filtered.body().toString()).isEqualTo(200);
        assertThat(filtered.body().get("auditEvents")).isEmpty();
        assertThat(admin.get("/audit-events/verify").body().get("intact").asBoolean()).isTrue();
    }

    /**
     * The AWS CLI (botocore) and curl --aws-sigv4 do not sign x-amz-content-sha256; such requests are signed here
     * with the SDK's Aws4Signer, which signs exactly the headers it is given, as those clients do.
     */
    @Test
    @SuppressWarnings("deprecation")
    void cliStyleSignaturesWithoutThePayloadHeaderWork() throws Exception {
        String body = "{\"name\":\"CliEngine\"}";
        java.net.http.HttpResponse<String> ok = cliStyle("POST", "/policy-engines", body, body);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(202);
        java.net.http.HttpResponse<String> tampered = cliStyle("POST", "/policy-engines", body, "{\"name\":\"CliEvil\"}");
        assertThat(tampered.statusCode()).isEqualTo(403);
        assertThat(tampered.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidSignatureException");
        assertThat(cliStyle("GET", "/audit-events/verify", null, null).statusCode()).isEqualTo(200);
    }

    @SuppressWarnings("deprecation")
    private static java.net.http.HttpResponse<String> cliStyle(String method, String path, String signedBody, String sentBody)
            throws Exception {
        var request = software.amazon.awssdk.http.SdkHttpFullRequest.builder()
                .method(software.amazon.awssdk.http.SdkHttpMethod.fromValue(method)).protocol("http").host("127.0.0.1")
                .port(service.app().port()).encodedPath(path).putHeader("Content-Type", "application/json");
        if (signedBody != null) {
            byte[] bytes = signedBody.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            request.contentStreamProvider(() -> new java.io.ByteArrayInputStream(bytes));
        }
        var signed = software.amazon.awssdk.auth.signer.Aws4Signer.create().sign(request.build(),
                software.amazon.awssdk.auth.signer.params.Aws4SignerParams.builder()
                        .awsCredentials(software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                                TestCredentials.ADMIN.accessKeyId(), TestCredentials.ADMIN.secretAccessKey()))
                        .signingName("bedrock-agentcore").signingRegion(Region.US_WEST_2).build());
        assertThat(signed.headers().keySet()).noneMatch(h -> h.equalsIgnoreCase("x-amz-content-sha256"));
        var b = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + service.app().port() + path))
                .method(method, sentBody == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(sentBody));
        signed.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                values.forEach(v -> b.header(name, v));
            }
        });
        return java.net.http.HttpClient.newHttpClient().send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    /** Presigned (query-string) SigV4, as {@code AwsV4HttpSigner} with {@code AUTH_LOCATION = QUERY_STRING} makes it. */
    @Test
    void presignedRequestsWorkUntilTheyExpire() {
        Http unsigned = new Http(service.app().port());
        Http admin = Http.signed(service.app().port(), TestCredentials.ADMIN);
        Http.Response listed = unsigned.get(admin.presign("GET", "/policy-engines?maxResults=1", null, Duration.ofMinutes(1)));
        assertThat(listed.status()).as(listed.body().toString()).isEqualTo(200);
        // a state change: the body's hash is in the signature, and the event names the signer
        String body = "{\"name\":\"PresignedEngine\"}";
        Http.Response created = unsigned.send("POST", admin.presign("POST", "/policy-engines", body, Duration.ofMinutes(1)), body);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(202);
        String arn = created.body().get("policyEngineArn").asText();
        Http.Response events = admin.get("/audit-events?resourceArn=" + java.net.URLEncoder.encode(arn, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(events.body().get("auditEvents").get(0).get("principal").asText()).isEqualTo("ada");

        // X-Amz-Expires is honoured: signed 10 minutes ago, valid for 15 minutes (beyond the 5-minute skew of headers)
        Http tenMinutesAgo = Http.signed(service.app().port(), new Http.Signing(TestCredentials.ADMIN, "us-west-2",
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10))));
        assertThat(unsigned.get(tenMinutesAgo.presign("GET", "/policy-engines", null, Duration.ofMinutes(15))).status())
                .isEqualTo(200);
        // ... and expired after 5 minutes
        Http.Response expired = unsigned.get(tenMinutesAgo.presign("GET", "/policy-engines", null, Duration.ofMinutes(5)));
        assertThat(expired.status()).isEqualTo(403);
        assertThat(expired.errorType()).isEqualTo("InvalidSignatureException");
        assertThat(expired.body().get("message").asText()).contains("Signature expired");
        // signed for the future: not yet valid
        Http tomorrow = Http.signed(service.app().port(), new Http.Signing(TestCredentials.ADMIN, "us-west-2",
                Clock.offset(Clock.systemUTC(), Duration.ofDays(1))));
        assertThat(unsigned.get(tomorrow.presign("GET", "/policy-engines", null, Duration.ofMinutes(5))).errorType())
                .isEqualTo("InvalidSignatureException");
        // more than AWS's 7 days is refused
        String week = admin.presign("GET", "/policy-engines", null, Duration.ofDays(7));
        assertThat(unsigned.get(week).status()).isEqualTo(200);
        Http.Response tooLong = unsigned.get(week.replace("X-Amz-Expires=604800", "X-Amz-Expires=604801"));
        assertThat(tooLong.errorType()).isEqualTo("InvalidSignatureException");
        assertThat(tooLong.body().get("message").asText()).contains("X-Amz-Expires");
    }

    @Test
    void aTamperedPresignedRequestIsRefusedAndChangesNothing() {
        Http unsigned = new Http(service.app().port());
        Http admin = Http.signed(service.app().port(), TestCredentials.ADMIN);
        String url = admin.presign("GET", "/policy-engines?maxResults=1", null, Duration.ofMinutes(1));
        Http.Response query = unsigned.get(url.replace("maxResults=1", "maxResults=2"));
        assertThat(query.status()).isEqualTo(403);
        assertThat(query.errorType()).isEqualTo("InvalidSignatureException");
        // another path with the same signature
        assertThat(unsigned.get(url.replace("/policy-engines", "/gateways")).errorType()).isEqualTo("InvalidSignatureException");
        // another body for a presigned state change
        String body = "{\"name\":\"HonestPresigned\"}";
        Http.Response tampered = unsigned.send("POST", admin.presign("POST", "/policy-engines", body, Duration.ofMinutes(1)),
                "{\"name\":\"TamperedPresigned\"}");
        assertThat(tampered.errorType()).isEqualTo("InvalidSignatureException");
        assertThat(admin.get("/policy-engines?maxResults=100").body().toString()).doesNotContain("TamperedPresigned");
        // a presigned URL and an Authorization header at once: one mechanism only
        Http.Response both = admin.get(url);
        assertThat(both.errorType()).isEqualTo("InvalidSignatureException");
        // a parameter missing
        assertThat(unsigned.get(url.replaceAll("&?X-Amz-SignedHeaders=[^&]*", "")).errorType())
                .isEqualTo("InvalidSignatureException");
    }

    @Test
    void aPresignedRequestWithTheWrongKeyIsRefused() {
        Http unsigned = new Http(service.app().port());
        Http wrongSecret = Http.signed(service.app().port(), new TestCredentials.Key(TestCredentials.ADMIN.accessKeyId(),
                "not-the-admin-secret", "ada", java.util.List.of("admin")));
        Http.Response r = unsigned.get(wrongSecret.presign("GET", "/policy-engines", null, Duration.ofMinutes(1)));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.errorType()).isEqualTo("InvalidSignatureException");
        assertThat(r.body().toString()).doesNotContain(TestCredentials.ADMIN.secretAccessKey());
        Http unknown = Http.signed(service.app().port(), new TestCredentials.Key("AKIDNOBODY", "whatever-secret", "x",
                java.util.List.of("admin")));
        assertThat(unsigned.get(unknown.presign("GET", "/policy-engines", null, Duration.ofMinutes(1))).errorType())
                .isEqualTo("UnrecognizedClientException");
        Http otherRegion = Http.signed(service.app().port(), new Http.Signing(TestCredentials.ADMIN, "us-east-1", Clock.systemUTC()));
        assertThat(unsigned.get(otherRegion.presign("GET", "/policy-engines", null, Duration.ofMinutes(1))).errorType())
                .isEqualTo("InvalidSignatureException");
    }

    @Test
    void wrongSecretIsAnInvalidSignature() {
        try (BedrockAgentCoreControlClient sdk = LocalSdk.client(service.app().port(), TestCredentials.ADMIN.accessKeyId(),
                "not-the-admin-secret", Region.US_WEST_2)) {
            assertThatThrownBy(() -> sdk.listPolicyEngines(b -> { }))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                        assertThat(e.getMessage()).doesNotContain(TestCredentials.ADMIN.secretAccessKey());
                    });
        }
    }

    @Test
    void unknownKeyIsUnrecognized() {
        try (BedrockAgentCoreControlClient sdk = LocalSdk.client(service.app().port(), "AKIDNOBODY", "whatever-secret", Region.US_WEST_2)) {
            assertThatThrownBy(() -> sdk.listPolicyEngines(b -> { }))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
                    });
        }
    }

    @Test
    void wrongRegionIsAnInvalidSignature() {
        try (BedrockAgentCoreControlClient sdk = LocalSdk.client(service.app().port(), TestCredentials.ADMIN.accessKeyId(),
                TestCredentials.ADMIN.secretAccessKey(), Region.US_EAST_1)) {
            assertThatThrownBy(() -> sdk.listPolicyEngines(b -> { }))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                        assertThat(e.getMessage()).contains("us-east-1").contains("us-west-2");
                    });
        }
    }

    @Test
    void signaturesOlderOrNewerThanFiveMinutesAreRefused() {
        for (Duration offset : new Duration[] {Duration.ofMinutes(-6), Duration.ofMinutes(6)}) {
            Http skewed = Http.signed(service.app().port(), new Http.Signing(TestCredentials.ADMIN, "us-west-2",
                    Clock.offset(Clock.systemUTC(), offset)));
            Http.Response r = skewed.get("/policy-engines");
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.errorType()).isEqualTo("InvalidSignatureException");
            assertThat(r.body().get("message").asText()).contains("Signature expired");
        }
        // within the window (a replay 4 minutes later) is still accepted, as AWS does
        Http late = Http.signed(service.app().port(), new Http.Signing(TestCredentials.ADMIN, "us-west-2",
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-4))));
        assertThat(late.get("/policy-engines").status()).isEqualTo(200);
    }

    @Test
    void aTamperedBodyIsRefusedAndChangesNothing() {
        Http admin = Http.signed(service.app().port(), TestCredentials.ADMIN);
        Http.Response r = admin.send("POST", "/policy-engines", "{\"name\":\"Honest\"}", "{\"name\":\"Tampered\"}");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.errorType()).isEqualTo("InvalidSignatureException");
        assertThat(admin.get("/policy-engines?maxResults=100").body().toString()).doesNotContain("Tampered").doesNotContain("Honest");
    }

    @Test
    void aMissingSignatureIsAMissingToken() {
        Http unsigned = new Http(service.app().port());
        Http.Response r = unsigned.get("/policy-engines");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.errorType()).isEqualTo("MissingAuthenticationTokenException");
        Http.Response create = unsigned.post("/policy-engines", "{\"name\":\"Anonymous\"}");
        assertThat(create.errorType()).isEqualTo("MissingAuthenticationTokenException");
        // health checks need no signature
        assertThat(unsigned.get("/health").status()).isEqualTo(200);
    }

    @Test
    void theRoleIsCheckedAfterTheSignature() {
        Http author = Http.signed(service.app().port(), TestCredentials.AUTHOR);
        Http.Response r = author.post("/policy-engines", "{\"name\":\"ByAnAuthor\"}");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.errorType()).isEqualTo("AccessDeniedException");
        assertThat(r.body().get("message").asText()).contains("alice").contains("admin");
    }

    @Test
    void localModeIsRefusedOnANonLoopbackAddress(@TempDir Path dir) {
        assertThatThrownBy(() -> Application.start(ServiceConfig.local(dir).withHost("0.0.0.0")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Refusing to listen on 0.0.0.0 without credentials")
                .hasMessageContaining("--credentials");
        assertThat(Application.isLoopback("127.0.0.1")).isTrue();
        assertThat(Application.isLoopback("::1")).isTrue();
        assertThat(Application.isLoopback("localhost")).isTrue();
        assertThat(Application.isLoopback("10.0.0.5")).isFalse();
        assertThat(Application.isLoopback("example.com")).isFalse();
    }
}
