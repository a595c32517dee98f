package com.cedarauthoring.api.audit;

import com.cedarauthoring.api.auth.Security;
import com.cedarauthoring.audit.AuditEntry;
import com.cedarauthoring.audit.AuditTrail;
import com.cedarauthoring.json.Json;
import com.cedarauthoring.naming.Arns;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Appends an audit event for every successful state-changing request (any method but GET/HEAD/OPTIONS answered
 * 2xx) on every route, so a route added later is audited without anyone remembering to. The resource ARN and
 * statement come from the response (AgentCore answers every create/update/delete with the resource).
 *
 * <p>Features whose service records its own events inside its transaction (reviews, and policies created
 * from assets) call {@link #recordedByService} so the change is not recorded twice. For the other routes the
 * event is appended right after the change commits; if appending fails the caller gets a 500 and the failure is
 * logged (the change itself stands).
 */
public final class HttpAudit {
    private static final String RECORDED = "cedarauthoring.audit.recorded";
    private static final java.util.Set<HandlerType> READS = java.util.Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    private final AuditTrail trail;
    private final Arns arns;

    public HttpAudit(AuditTrail trail, Arns arns) {
        this.trail = trail;
        this.arns = arns;
    }

    public static void recordedByService(Context ctx) {
        ctx.attribute(RECORDED, Boolean.TRUE);
    }

    public void register(RoutesConfig routes) {
        routes.afterMatched(this::record);
    }

    private void record(Context ctx) {
        HandlerType method = ctx.method();
        if (READS.contains(method)
                || ctx.statusCode() < 200 || ctx.statusCode() >= 300 || Boolean.TRUE.equals(ctx.attribute(RECORDED))
                || Security.principalIfAny(ctx).isEmpty()) {
            return;
        }
        JsonNode body = response(ctx);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("httpStatus", ctx.statusCode());
        details.put("path", ctx.path());
        for (String member : new String[] {"name", "status", "enforcementMode", "targetId"}) {
            if (body.path(member).isTextual()) {
                details.put(member, body.path(member).asText());
            }
        }
        Optional<String> statement = Optional.ofNullable(body.path("definition").path("cedar").path("statement").textValue())
                .or(() -> Optional.ofNullable(body.path("definition").path("policy").path("statement").textValue()));
        trail.append(AuditEntry.of(Security.principal(ctx).name(), method.name() + " " + Security.routePath(ctx),
                resourceArn(ctx, body), details, statement));
    }

    private String resourceArn(Context ctx, JsonNode body) {
        for (String member : new String[] {"policyArn", "policyGenerationArn", "policyEngineArn"}) {
            if (body.path(member).isTextual()) {
                return body.path(member).asText();
            }
        }
        String gatewayArn = body.path("gatewayArn").isTextual() ? body.path("gatewayArn").asText()
                : body.path("gatewayId").isTextual() ? arns.gateway(body.path("gatewayId").asText()) : null;
        if (gatewayArn != null) {
            return body.path("targetId").isTextual() ? gatewayArn + "/target/" + body.path("targetId").asText() : gatewayArn;
        }
        return ctx.path();
    }

    private static JsonNode response(Context ctx) {
        String text = ctx.result();
        if (text == null || text.isEmpty()) {
            return Json.mapper().createObjectNode();
        }
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            return Json.mapper().createObjectNode();
        }
    }
}
