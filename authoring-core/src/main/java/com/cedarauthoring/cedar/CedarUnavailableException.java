package com.cedarauthoring.cedar;

/** The native Cedar engine failed to run (not a problem with the policy). Not retryable. */
public final class CedarUnavailableException extends RuntimeException {
    public CedarUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
