package com.cedarauthoring.api.audit;

import com.cedarauthoring.api.auth.Access;
import com.cedarauthoring.api.http.PageJson;
import com.cedarauthoring.api.http.RouteModule;
import com.cedarauthoring.audit.AuditEvent;
import com.cedarauthoring.audit.AuditFilter;
import com.cedarauthoring.audit.AuditTrail;
import com.cedarauthoring.audit.Verification;
import com.cedarauthoring.json.Json;
import com.cedarauthoring.store.PageRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.util.Optional;

/** {@code GET /audit-events} (filtered by resource and principal, paginated) and {@code GET /audit-events/verify}. */
public final class AuditRoutes implements RouteModule {
    private final AuditTrail trail;

    public AuditRoutes(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/audit-events", ctx -> {
            AuditFilter filter = new AuditFilter(Optional.ofNullable(ctx.queryParam("resourceArn")),
                    Optional.ofNullable(ctx.queryParam("principal")));
            PageRequest page = PageRequest.of(ctx.queryParam("maxResults"), ctx.queryParam("nextToken"));
            ctx.json(PageJson.of(trail.list(filter, page), "auditEvents", AuditRoutes::event));
        }, Access.READ);
        routes.get("/audit-events/verify", ctx -> ctx.json(verification(trail.verify())), Access.READ);
    }

    static ObjectNode event(AuditEvent e) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("eventId", e.eventId());
        n.put("sequence", e.sequence());
        n.put("time", e.time().toString());
        n.put("principal", e.principal());
        n.put("action", e.action());
        n.put("resourceArn", e.resourceArn());
        n.set("details", details(e.details()));
        e.statementSha256().ifPresent(s -> n.put("statementSha256", s));
        n.put("previousHash", e.previousHash());
        n.put("hash", e.hash());
        return n;
    }

    private static JsonNode details(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            return Json.mapper().getNodeFactory().textNode(text); // a tampered row still lists; verify flags it
        }
    }

    private static ObjectNode verification(Verification v) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("intact", v.intact());
        n.put("events", v.events());
        v.firstBrokenEventId().ifPresent(id -> n.put("firstBrokenEventId", id));
        v.problem().ifPresent(p -> n.put("problem", p));
        return n;
    }
}
