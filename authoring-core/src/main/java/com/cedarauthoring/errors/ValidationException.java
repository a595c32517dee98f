package com.cedarauthoring.errors;

import java.util.List;

/** AgentCore's 400: carries a {@link Reason} and the offending fields. */
public final class ValidationException extends ServiceException {

    /** AgentCore's ValidationExceptionReason enum, spelled as on the wire. */
    public enum Reason { CannotParse, FieldValidationFailed, IdempotentParameterMismatchException, ResourceConflict }

    public record FieldError(String name, String message) {}

    private final Reason reason;
    private final List<FieldError> fieldList;

    public ValidationException(String message, Reason reason, List<FieldError> fieldList) {
        super(message);
        this.reason = reason;
        this.fieldList = List.copyOf(fieldList);
    }

    /** One invalid field, in AgentCore's message style. */
    public static ValidationException field(String field, String problem) {
        return new ValidationException(
                "1 validation error detected. Value at '/" + field + "' failed to satisfy constraint: " + problem,
                Reason.FieldValidationFailed, List.of(new FieldError(field, problem)));
    }

    public static ValidationException cannotParse(String message) {
        return new ValidationException(message, Reason.CannotParse, List.of());
    }

    /** The same error with {@code prefix} before its message (e.g. naming the resource it is about). */
    public ValidationException prefixed(String prefix) {
        return new ValidationException(prefix + getMessage(), reason, fieldList);
    }

    public Reason reason() {
        return reason;
    }

    public List<FieldError> fieldList() {
        return fieldList;
    }

    @Override
    public String errorType() {
        return "ValidationException";
    }

    @Override
    public int httpStatus() {
        return 400;
    }
}
