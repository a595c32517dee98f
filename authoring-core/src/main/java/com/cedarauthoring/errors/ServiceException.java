package com.cedarauthoring.errors;

/**
 * An expected, client-visible failure of a service call. Each subclass maps to exactly one
 * AgentCore error type (name and HTTP status) in the API's single error mapper.
 */
public abstract sealed class ServiceException extends RuntimeException
        permits ValidationException, ResourceNotFoundException, ConflictException,
                ThrottlingException, AccessDeniedException, ServiceQuotaExceededException,
                AuthenticationException {

    protected ServiceException(String message) {
        super(message, null, false, false); // stack traces of expected failures are noise
    }

    /** The AgentCore error name sent in {@code x-amzn-ErrorType}. */
    public abstract String errorType();

    public abstract int httpStatus();
}
