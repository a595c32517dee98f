package com.cedarauthoring.api.auth;

import com.cedarauthoring.errors.AuthenticationException;
import com.cedarauthoring.errors.AuthenticationException.Kind;
import com.cedarauthoring.identity.Principal;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Verifies AWS Signature Version 4 (header form, as the AWS SDKs and CLI send it) by re-signing the received
 * request with the AWS SDK's own signer under the caller's secret, at the time the caller signed, over exactly
 * the headers the caller says it signed, the path as sent and the body received. So canonicalisation (path
 * double-encoding, query sorting and encoding, header trimming) is the SDK's, not ours.
 *
 * <p>Which of the SDK's signers: the AWS SDK for Java v2 always signs {@code x-amz-content-sha256}, and its
 * {@link AwsV4HttpSigner} always adds and signs that header, so requests that signed it are re-signed with
 * {@code AwsV4HttpSigner}. The AWS CLI (botocore) and {@code curl --aws-sigv4} do not sign it; re-signing those
 * with {@code AwsV4HttpSigner} would add a header they never signed, so they are re-signed with the SDK's
 * {@code Aws4Signer}, which signs exactly the headers it is given.
 *
 * <p>Presigned requests (the signature in the query: {@code X-Amz-Algorithm}, {@code X-Amz-Credential},
 * {@code X-Amz-Date}, {@code X-Amz-Expires}, {@code X-Amz-SignedHeaders}, {@code X-Amz-Signature}, as
 * {@link AwsV4HttpSigner} with {@code AUTH_LOCATION = QUERY_STRING} and {@code aws ... presign} produce them) are
 * re-signed the same way, in the query. They are valid from 5 minutes before {@code X-Amz-Date} until
 * {@code X-Amz-Expires} seconds after it (at most 7 days, as AWS allows); the SDK's query signer covers the body's
 * hash, so a presigned state change cannot carry another body.
 *
 * <p>Checks, in AWS's order and with AWS's error names: a signature is present
 * (MissingAuthenticationTokenException), the key is known (UnrecognizedClientException), the scope is this
 * service and region, the time is within 5 minutes, the payload hash (when sent) matches the body, and the
 * signature matches (InvalidSignatureException). Signatures are compared in constant time. No message carries
 * the secret or the expected signature.
 */
public final class SigV4Verifier {
    public static final String SERVICE = "bedrock-agentcore";
    public static final Duration MAX_SKEW = Duration.ofMinutes(5);
    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();
    /** AWS's limit on {@code X-Amz-Expires}: 7 days. */
    public static final Duration MAX_PRESIGNED_EXPIRY = Duration.ofDays(7);
    private static final List<String> PRESIGN_PARAMETERS = List.of("X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date",
            "X-Amz-Expires", "X-Amz-SignedHeaders", "X-Amz-Signature");

    private final Map<String, AccessKey> keys;
    private final String region;
    private final Clock clock;

    public SigV4Verifier(Map<String, AccessKey> keys, String region, Clock clock) {
        this.keys = Map.copyOf(keys);
        this.region = region;
        this.clock = clock;
    }

    public Principal verify(SignedHttpRequest request) {
        String authorization = request.header("authorization");
        List<Map.Entry<String, String>> query = query(request.rawQuery());
        boolean presigned = query.stream().anyMatch(p -> p.getKey().equals("X-Amz-Algorithm"));
        if (authorization == null || authorization.isBlank()) {
            if (presigned) {
                return verifyPresigned(request, query);
            }
            throw new AuthenticationException(Kind.MISSING_TOKEN, "Missing Authentication Token");
        }
        if (presigned) {
            throw invalid("Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter or the "
                    + "Authorization header should be specified");
        }
        Header header = Header.parse(authorization);
        String amzDate = request.header("x-amz-date");
        AccessKey key = keyOf(header.credential());
        if (amzDate == null) {
            throw invalid("Authorization header requires existence of the X-Amz-Date header");
        }
        Instant signedAt = checkScope(header.credential(), amzDate);
        Instant now = clock.instant();
        if (Duration.between(signedAt, now).abs().compareTo(MAX_SKEW) > 0) {
            throw invalid("Signature expired: " + amzDate + " is more than 5 minutes away from the server time "
                    + AMZ_DATE.format(now.atOffset(ZoneOffset.UTC)) + ".");
        }
        List<String> signed = List.of(header.signedHeaders().split(";"));
        if (!signed.contains("host") || !signed.contains("x-amz-date")) {
            throw invalid("SignedHeaders must include host and x-amz-date");
        }
        String contentSha = request.header("x-amz-content-sha256");
        if (contentSha != null && !contentSha.equalsIgnoreCase(sha256Hex(request.body()))) {
            // UNSIGNED-PAYLOAD is refused too: the body of a state change must be covered by the signature
            throw invalid("The provided x-amz-content-sha256 header does not match what was computed.");
        }
        String expected = recompute(request, key, signed, signedAt);
        requireEqual(expected, header.signature());
        return key.principal();
    }

    /** A presigned request: the same checks, with the validity window of {@code X-Amz-Expires}. */
    private Principal verifyPresigned(SignedHttpRequest request, List<Map.Entry<String, String>> query) {
        Map<String, String> auth = new HashMap<>();
        for (Map.Entry<String, String> p : query) {
            if (PRESIGN_PARAMETERS.contains(p.getKey()) && auth.putIfAbsent(p.getKey(), p.getValue()) != null) {
                throw invalid("The query parameter " + p.getKey() + " is given more than once");
            }
        }
        for (String name : PRESIGN_PARAMETERS) {
            if (auth.get(name) == null || auth.get(name).isEmpty()) {
                throw invalid("A presigned request requires the query parameters " + String.join(", ", PRESIGN_PARAMETERS)
                        + "; " + name + " is missing");
            }
        }
        if (!auth.get("X-Amz-Algorithm").equals(ALGORITHM)) {
            throw invalid("X-Amz-Algorithm must be " + ALGORITHM);
        }
        AccessKey key = keyOf(auth.get("X-Amz-Credential"));
        Instant signedAt = checkScope(auth.get("X-Amz-Credential"), auth.get("X-Amz-Date"));
        Duration expires = expires(auth.get("X-Amz-Expires"));
        Instant now = clock.instant();
        if (signedAt.minus(MAX_SKEW).isAfter(now)) {
            throw invalid("Signature not yet current: " + auth.get("X-Amz-Date") + " is more than 5 minutes after the "
                    + "server time " + AMZ_DATE.format(now.atOffset(ZoneOffset.UTC)) + ".");
        }
        if (now.isAfter(signedAt.plus(expires))) {
            throw invalid("Signature expired: the request was signed at " + auth.get("X-Amz-Date") + " for "
                    + expires.toSeconds() + " seconds; the server time is " + AMZ_DATE.format(now.atOffset(ZoneOffset.UTC)) + ".");
        }
        List<String> signed = List.of(auth.get("X-Amz-SignedHeaders").toLowerCase(Locale.ROOT).split(";"));
        if (!signed.contains("host")) {
            throw invalid("X-Amz-SignedHeaders must include host");
        }
        String expected = recomputePresigned(request, query, key, signed, signedAt, expires);
        requireEqual(expected, auth.get("X-Amz-Signature"));
        return key.principal();
    }

    private static Duration expires(String value) {
        long seconds;
        try {
            seconds = Long.parseLong(value);
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds < 1 || seconds > MAX_PRESIGNED_EXPIRY.toSeconds()) {
            throw invalid("X-Amz-Expires must be a number of seconds from 1 to " + MAX_PRESIGNED_EXPIRY.toSeconds()
                    + " (7 days)");
        }
        return Duration.ofSeconds(seconds);
    }

    private static void requireEqual(String expected, String given) {
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII))) {
            throw invalid("The request signature we calculated does not match the signature you provided. "
                    + "Check your AWS Secret Access Key and signing method.");
        }
    }

    /** The key a credential scope names (UnrecognizedClientException when unknown). */
    private AccessKey keyOf(String credential) {
        String[] scope = credential.split("/", -1);
        if (scope.length != 5) {
            throw invalid("Credential must have the form <accessKeyId>/<date>/<region>/<service>/aws4_request");
        }
        AccessKey key = keys.get(scope[0]);
        if (key == null) {
            throw new AuthenticationException(Kind.UNRECOGNIZED_CLIENT, "The security token included in the request is invalid.");
        }
        return key;
    }

    /** Checks the scope's date, region and service against the signing time; returns the signing time. */
    private Instant checkScope(String credential, String amzDate) {
        String[] scope = credential.split("/", -1);
        Instant signedAt;
        try {
            signedAt = LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw invalid("X-Amz-Date must have the form yyyyMMddTHHmmssZ");
        }
        if (!scope[1].equals(amzDate.substring(0, 8))) {
            throw invalid("Date in Credential scope does not match YYYYMMDD from X-Amz-Date");
        }
        if (!scope[2].equals(region)) {
            throw invalid("Credential should be scoped to a valid region, not '" + scope[2] + "'. This service is in '"
                    + region + "'.");
        }
        if (!scope[3].equals(SERVICE) || !scope[4].equals("aws4_request")) {
            throw invalid("Credential should be scoped to correct service: '" + SERVICE + "'.");
        }
        return signedAt;
    }

    /** The query's parameters, percent-decoded, in the order sent. */
    private static List<Map.Entry<String, String>> query(String rawQuery) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            out.add(Map.entry(percentDecode(eq < 0 ? pair : pair.substring(0, eq)),
                    eq < 0 ? "" : percentDecode(pair.substring(eq + 1))));
        }
        return out;
    }

    private String recomputePresigned(SignedHttpRequest request, List<Map.Entry<String, String>> query, AccessKey key,
                                      List<String> signedHeaders, Instant signedAt, Duration expires) {
        SdkHttpFullRequest.Builder http = requestOf(request, signedHeaders);
        http.clearQueryParameters();
        // the signer adds the X-Amz-* parameters itself; every other parameter is signed as sent
        query.stream().filter(p -> !PRESIGN_PARAMETERS.contains(p.getKey()))
                .forEach(p -> http.appendRawQueryParameter(p.getKey(), p.getValue()));
        SignedRequest signedRequest = SIGNER.sign(r -> r
                .identity(AwsCredentialsIdentity.create(key.accessKeyId(), key.secretAccessKey()))
                .request(http.build())
                .payload(ContentStreamProvider.fromByteArrayUnsafe(request.body()))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SERVICE)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4HttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, expires)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)));
        List<String> signature = signedRequest.request().rawQueryParameters().get("X-Amz-Signature");
        return signature == null || signature.isEmpty() ? "" : signature.get(0);
    }

    private String recompute(SignedHttpRequest request, AccessKey key, List<String> signedHeaders, Instant signedAt) {
        SdkHttpFullRequest.Builder http = requestOf(request, signedHeaders);
        byte[] body = request.body();
        if (!signedHeaders.contains("x-amz-content-sha256")) {
            return legacySignature(http, request.header("host"), key, signedAt, body);
        }
        SignedRequest signedRequest = SIGNER.sign(r -> r
                .identity(AwsCredentialsIdentity.create(key.accessKeyId(), key.secretAccessKey()))
                .request(http.build())
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SERVICE)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)));
        String authorization = signedRequest.request().firstMatchingHeader("Authorization").orElseThrow();
        return Header.parse(authorization).signature();
    }

    /** The received request as the SDK's signer sees it: method, raw path, query and the signed headers only. */
    private static SdkHttpFullRequest.Builder requestOf(SignedHttpRequest request, List<String> signedHeaders) {
        SdkHttpMethod method;
        try {
            method = SdkHttpMethod.fromValue(request.method());
        } catch (IllegalArgumentException e) {
            throw invalid("Unsupported method " + request.method());
        }
        SdkHttpFullRequest.Builder http = SdkHttpFullRequest.builder().method(method).protocol("http")
                .host("localhost").encodedPath(request.rawPath());
        query(request.rawQuery()).forEach(p -> http.appendRawQueryParameter(p.getKey(), p.getValue()));
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : signedHeaders) {
            List<String> values = request.headers().get(name);
            if (values == null) {
                throw invalid("Signed header '" + name + "' is missing from the request");
            }
            headers.put(name, values);
        }
        http.headers(headers);
        return http;
    }

    /** {@code Aws4Signer} derives the Host header from the request's host and port, so they are set from it. */
    @SuppressWarnings("deprecation") // the SDK's signer for requests that do not sign x-amz-content-sha256
    private String legacySignature(SdkHttpFullRequest.Builder http, String hostHeader, AccessKey key, Instant signedAt,
                                   byte[] body) {
        int colon = hostHeader.lastIndexOf(':');
        boolean hasPort = colon > 0 && colon > hostHeader.lastIndexOf(']') && hostHeader.substring(colon + 1).matches("[0-9]{1,5}");
        http.host(hasPort ? hostHeader.substring(0, colon) : hostHeader);
        if (hasPort) {
            http.port(Integer.parseInt(hostHeader.substring(colon + 1)));
        }
        http.contentStreamProvider(ContentStreamProvider.fromByteArrayUnsafe(body));
        SdkHttpFullRequest signed = software.amazon.awssdk.auth.signer.Aws4Signer.create().sign(http.build(),
                software.amazon.awssdk.auth.signer.params.Aws4SignerParams.builder()
                        .awsCredentials(software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                                key.accessKeyId(), key.secretAccessKey()))
                        .signingName(SERVICE)
                        .signingRegion(software.amazon.awssdk.regions.Region.of(region))
                        .signingClockOverride(Clock.fixed(signedAt, ZoneOffset.UTC))
                        .build());
        return Header.parse(signed.firstMatchingHeader("Authorization").orElseThrow()).signature();
    }

    private static AuthenticationException invalid(String message) {
        return new AuthenticationException(Kind.INVALID_SIGNATURE, message);
    }

    static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 3986 percent-decoding; unlike form decoding, '+' stays '+' (the SDKs encode a space as %20). */
    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    out.write(hi * 16 + lo);
                    i += 2;
                    continue;
                }
            }
            out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The parts of {@code Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...}. */
    private record Header(String credential, String signedHeaders, String signature) {
        static Header parse(String value) {
            String v = value.strip();
            if (!v.startsWith(ALGORITHM + " ")) {
                throw invalid("Authorization header requires the " + ALGORITHM + " algorithm");
            }
            String credential = null;
            String signedHeaders = null;
            String signature = null;
            for (String part : v.substring(ALGORITHM.length()).split(",")) {
                String p = part.strip();
                int eq = p.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String name = p.substring(0, eq);
                String val = p.substring(eq + 1);
                switch (name) {
                    case "Credential" -> credential = val;
                    case "SignedHeaders" -> signedHeaders = val.toLowerCase(Locale.ROOT);
                    case "Signature" -> signature = val;
                    default -> { }
                }
            }
            if (credential == null || signedHeaders == null || signature == null) {
                throw invalid("Authorization header requires 'Credential', 'SignedHeaders' and 'Signature'");
            }
            return new Header(credential, signedHeaders, signature);
        }
    }
}
