package com.cedarauthoring.api.http;

import com.cedarauthoring.errors.ConflictException;
import com.cedarauthoring.errors.ServiceException;
import com.cedarauthoring.errors.ValidationException;
import com.cedarauthoring.store.Jdbc;
import com.cedarauthoring.store.StoreException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns exceptions into AgentCore-style HTTP errors: JSON body
 * {@code {message, reason?, fieldList?}} and header {@code x-amzn-ErrorType}. Internals never leak.
 */
public final class ErrorMapper {
    private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);
    public static final String ERROR_TYPE_HEADER = "x-amzn-ErrorType";

    private ErrorMapper() {}

    public static void register(RoutesConfig routes) {
        routes.exception(ServiceException.class, (e, ctx) -> write(ctx, e));
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            int status = e.getStatus();
            if (status == 404) {
                write(ctx, 404, "UnknownOperationException", "No operation matches " + ctx.method() + " " + ctx.path(), null);
            } else if (status == 405) {
                write(ctx, 405, "UnknownOperationException", "Method " + ctx.method() + " is not allowed on " + ctx.path(), null);
            } else if (status == 413) {
                write(ctx, ValidationException.field("body", "Request body must be at most " + RequestBody.MAX_BYTES + " bytes"));
            } else if (status >= 400 && status < 500) {
                write(ctx, ValidationException.cannotParse(e.getMessage()));
            } else {
                internal(ctx, e);
            }
        });
        // A write that lost a race the stores could not resolve (a lock held past its timeout): the client
        // may retry, so it is AgentCore's ConflictException, not an internal error.
        routes.exception(StoreException.class, (e, ctx) -> {
            if (Jdbc.isContention(e)) {
                write(ctx, new ConflictException("The resource is being changed by another request; retry the request"));
            } else {
                internal(ctx, e);
            }
        });
        routes.exception(Exception.class, (e, ctx) -> internal(ctx, e));
    }

    static void internal(Context ctx, Exception e) {
        // Log the details for operators; the client gets no internals.
        log.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
        write(ctx, 500, "InternalServerException", "An internal error occurred. Try again later.", null);
    }

    public static void write(Context ctx, ServiceException e) {
        write(ctx, e.httpStatus(), e.errorType(), e.getMessage(), e instanceof ValidationException v ? v : null);
    }

    private static void write(Context ctx, int status, String type, String message, ValidationException validation) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        if (validation != null) {
            body.put("reason", validation.reason().name());
            List<Map<String, String>> fields = validation.fieldList().stream()
                    .map(f -> Map.of("name", f.name(), "message", f.message())).toList();
            if (!fields.isEmpty()) {
                body.put("fieldList", fields);
            }
        }
        ctx.status(status).header(ERROR_TYPE_HEADER, type).json(body);
    }
}
