package com.cedarauthoring.api.http;

import com.cedarauthoring.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before a request reaches Javalin (a malformed request line or
 * Content-Length, a URI or headers over 8 KB, an ambiguous path such as {@code %00}): the same
 * AgentCore shape as {@link ErrorMapper}, JSON {@code {message, reason?}} with {@code x-amzn-ErrorType},
 * instead of Jetty's HTML page. Installed on the server and on the servlet context.
 */
final class JettyErrors extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(ErrorMapper.ERROR_TYPE_HEADER, errorType(code));
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    /** Bad messages (the request could not even be parsed) are written by the connection from this buffer. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        fields.put(ErrorMapper.ERROR_TYPE_HEADER, errorType(status));
        return ByteBuffer.wrap(body(status, reason));
    }

    private static String errorType(int status) {
        if (status == 404 || status == 405) {
            return "UnknownOperationException";
        }
        return status >= 500 ? "InternalServerException" : "ValidationException";
    }

    private static byte[] body(int status, String jettyReason) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (status >= 500) {
            body.put("message", "An internal error occurred. Try again later."); // no internals
        } else {
            String detail = jettyReason == null || jettyReason.isBlank() ? "" : ": " + jettyReason;
            body.put("message", switch (status) {
                case 413 -> "Request body must be at most " + RequestBody.MAX_BYTES + " bytes";
                case 414 -> "The request URI is too long (at most 8 KB)";
                case 431 -> "The request headers are too large (at most 8 KB)";
                default -> "The request could not be parsed" + detail;
            });
            if (status != 404 && status != 405) {
                body.put("reason", "CannotParse");
            }
        }
        try {
            return Json.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("error body could not be written", e);
        }
    }
}
