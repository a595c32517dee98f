package com.cedarauthoring.errors;

public final class ConflictException extends ServiceException {
    public ConflictException(String message) {
        super(message);
    }

    @Override
    public String errorType() {
        return "ConflictException";
    }

    @Override
    public int httpStatus() {
        return 409;
    }
}
