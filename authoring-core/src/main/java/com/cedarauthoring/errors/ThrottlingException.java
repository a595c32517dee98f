package com.cedarauthoring.errors;

public final class ThrottlingException extends ServiceException {
    public ThrottlingException(String message) {
        super(message);
    }

    @Override
    public String errorType() {
        return "ThrottlingException";
    }

    @Override
    public int httpStatus() {
        return 429;
    }
}
