package com.cedarauthoring.errors;

public final class ResourceNotFoundException extends ServiceException {
    public ResourceNotFoundException(String message) {
        super(message);
    }

    @Override
    public String errorType() {
        return "ResourceNotFoundException";
    }

    @Override
    public int httpStatus() {
        return 404;
    }
}
