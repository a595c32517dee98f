package com.cedarauthoring.errors;

public final class ServiceQuotaExceededException extends ServiceException {
    public ServiceQuotaExceededException(String message) {
        super(message);
    }

    @Override
    public String errorType() {
        return "ServiceQuotaExceededException";
    }

    @Override
    public int httpStatus() {
        return 402;
    }
}
