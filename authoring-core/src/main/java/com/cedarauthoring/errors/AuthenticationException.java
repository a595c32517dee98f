package com.cedarauthoring.errors;

/**
 * A request that could not be authenticated: 403 with AWS's error names, as AWS answers unsigned, unknown-key
 * and badly signed requests. Messages never carry secrets or the expected signature.
 */
public final class AuthenticationException extends ServiceException {

    /** AWS's names for the three ways a signed request fails. */
    public enum Kind {
        MISSING_TOKEN("MissingAuthenticationTokenException"),
        UNRECOGNIZED_CLIENT("UnrecognizedClientException"),
        INVALID_SIGNATURE("InvalidSignatureException");

        private final String errorType;

        Kind(String errorType) {
            this.errorType = errorType;
        }
    }

    private final Kind kind;

    public AuthenticationException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public String errorType() {
        return kind.errorType;
    }

    @Override
    public int httpStatus() {
        return 403;
    }
}
