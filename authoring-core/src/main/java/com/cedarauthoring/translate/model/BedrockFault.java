package com.cedarauthoring.translate.model;

import java.time.Duration;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * A failed model call, classified by exception type, HTTP status and AWS error code (never by
 * message text), with a reason a person can act on.
 *
 * @param retryInLoop whether our bounded backoff loop should try again (throttling, 5xx, connection)
 * @param retryable   whether the generation job may be retried later
 */
record BedrockFault(String reason, boolean retryInLoop, boolean retryable, boolean badRequest, boolean throttled) {

    BedrockFault(String reason, boolean retryInLoop, boolean retryable) {
        this(reason, retryInLoop, retryable, false, false);
    }

    BedrockFault(String reason, boolean retryInLoop, boolean retryable, boolean badRequest) {
        this(reason, retryInLoop, retryable, badRequest, false);
    }

    // Error codes AWS uses for missing, expired or forged credentials (as opposed to missing permissions).
    private static final Set<String> CREDENTIAL_CODES = Set.of("ExpiredToken", "ExpiredTokenException",
            "UnrecognizedClientException", "InvalidSignatureException", "InvalidClientTokenId",
            "SignatureDoesNotMatch", "IncompleteSignature", "MissingAuthenticationToken");

    static BedrockFault classify(Throwable error, String modelId, String region, Duration timeout) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException
                    || t instanceof dev.langchain4j.exception.TimeoutException) {
                String within = timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + "s" : timeout.toMillis() + " ms";
                return new BedrockFault("model did not answer within " + within
                        + " (--model-timeout); retry later or raise the timeout", false, true);
            }
            if (t instanceof SdkServiceException service) {
                return ofStatus(service, modelId, region);
            }
        }
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SdkClientException) {
                return new BedrockFault("could not reach Bedrock in " + region + " or read its answer ("
                        + t.getClass().getSimpleName() + "); check network access to the Bedrock endpoint and retry",
                        true, true);
            }
        }
        return new BedrockFault("Bedrock returned an answer the client could not read ("
                + error.getClass().getSimpleName() + "); retry later", false, true);
    }

    private static BedrockFault ofStatus(SdkServiceException e, String modelId, String region) {
        int status = e.statusCode();
        String code = e instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                ? aws.awsErrorDetails().errorCode() : null;
        if (status == 429 || e.isThrottlingException()) {
            return new BedrockFault("Bedrock kept throttling model " + modelId + " in " + region
                    + " after retries; retry later, lower --max-model-concurrency or raise the account quota", true, true,
                    false, true);
        }
        if (status >= 500) {
            return new BedrockFault("Bedrock failed with HTTP " + status + (code == null ? "" : " " + code)
                    + " after retries; retry later", true, true);
        }
        if (status == 401 || code != null && CREDENTIAL_CODES.contains(code)) {
            return new BedrockFault("Bedrock rejected the credentials" + (code == null ? "" : " (" + code + ")")
                    + ": refresh AWS credentials (default provider chain: environment, profile, SSO, instance role) "
                    + "and run the generation again", false, false);
        }
        if (status == 403) {
            return new BedrockFault("Bedrock denied access" + (code == null ? "" : " (" + code + ")")
                    + " to model " + modelId + " in " + region + ": refresh AWS credentials, check IAM permission "
                    + "bedrock:InvokeModel and that model access is enabled", false, false);
        }
        if (status == 404) {
            return new BedrockFault("Bedrock does not offer model " + modelId + " in " + region
                    + (code == null ? "" : " (" + code + ")") + ": check --model-id and model access", false, false);
        }
        return new BedrockFault("Bedrock refused the request with HTTP " + status + (code == null ? "" : " " + code)
                + ": check that model " + modelId + " supports the Converse API in " + region, false, false,
                status == 400);
    }
}
