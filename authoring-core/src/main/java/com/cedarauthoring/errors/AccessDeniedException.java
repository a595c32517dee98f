package com.cedarauthoring.errors;

public final class AccessDeniedException extends ServiceException {
    public AccessDeniedException(String message) {
        super(message);
    }

    @Override
    public String errorType() {
        return "AccessDeniedException";
    }

    @Override
    public int httpStatus() {
        return 403;
    }
}
