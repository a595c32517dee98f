package com.cedarauthoring.api.gateway;

import com.cedarauthoring.api.auth.Access;
import com.cedarauthoring.api.auth.Security;
import com.cedarauthoring.api.http.PageJson;

import com.cedarauthoring.api.http.RequestBody;
import com.cedarauthoring.api.http.RouteModule;
import com.cedarauthoring.gateway.Gateway;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.gateway.GatewayService;
import com.cedarauthoring.gateway.GatewayService.UpdateMode;
import com.cedarauthoring.gateway.GatewayTarget;
import com.cedarauthoring.gateway.TargetType;
import com.cedarauthoring.api.tags.TagRoutes;
import com.cedarauthoring.tags.TagService;
import com.cedarauthoring.tags.Tags;
import com.cedarauthoring.json.Json;
import com.cedarauthoring.store.Page;
import com.cedarauthoring.store.PageRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Set;

/**
 * AgentCore's gateway and gateway target operations (rest-json, paths and members of the
 * bedrock-agentcore-control model), plus {@code GET /gateways/{id}/schema}.
 *
 * <p>Status codes follow AgentCore: create, update and delete answer 202, get and list 200. {@code PUT}
 * (the model's verb) replaces the gateway or target: an omitted optional member is cleared.
 * {@code PATCH} is our extension that merges (JSON {@code null} removes a member).
 * CreateGateway's {@code tags} are stored with the tag feature and deleted with the gateway.
 */
public final class GatewayRoutes implements RouteModule {
    private static final Set<String> GATEWAY_COMPUTED = Set.of("gatewayArn", "gatewayId", "gatewayUrl", "createdAt",
            "updatedAt", "status", "statusReasons");
    private static final Set<String> TARGET_COMPUTED = Set.of("gatewayArn", "targetId", "createdAt", "updatedAt",
            "status", "statusReasons");
    private final GatewayService gateways;
    private final TagService tags;
    private final String region;

    public GatewayRoutes(GatewayService gateways, TagService tags, String region) {
        this.gateways = gateways;
        this.tags = tags;
        this.region = region;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/gateways", this::createGateway, Access.ADMIN);
        routes.get("/gateways", ctx -> {
            Page<Gateway> page = gateways.listGateways(page(ctx));
            ctx.json(PageJson.of(page, "items", GatewayRoutes::gatewaySummary));
        }, Access.READ);
        routes.get("/gateways/{gatewayIdentifier}", ctx -> ctx.json(gateway(gateways.getGateway(gatewayId(ctx)))), Access.READ);
        routes.put("/gateways/{gatewayIdentifier}", ctx -> updateGateway(ctx, UpdateMode.REPLACE), Access.ADMIN);
        routes.patch("/gateways/{gatewayIdentifier}", ctx -> updateGateway(ctx, UpdateMode.MERGE), Access.ADMIN);
        routes.delete("/gateways/{gatewayIdentifier}", ctx -> {
            Gateway g = gateways.deleteGateway(Security.principal(ctx), gatewayId(ctx));
            tags.resourceDeleted(g.gatewayArn());
            ObjectNode out = Json.mapper().createObjectNode().put("gatewayId", g.gatewayId()).put("status", Gateway.DELETING);
            out.putArray("statusReasons");
            ctx.status(202).json(out);
        }, Access.ADMIN);
        routes.get("/gateways/{gatewayIdentifier}/schema", this::schema, Access.READ);

        routes.post("/gateways/{gatewayIdentifier}/targets", ctx ->
                ctx.status(202).json(target(gateways.createTarget(Security.principal(ctx), gatewayId(ctx), body(ctx)))), Access.ADMIN);
        routes.get("/gateways/{gatewayIdentifier}/targets", ctx -> {
            Page<GatewayTarget> page = gateways.listTargets(gatewayId(ctx), page(ctx));
            ctx.json(PageJson.of(page, "items", GatewayRoutes::targetSummary));
        }, Access.READ);
        routes.get("/gateways/{gatewayIdentifier}/targets/{targetId}", ctx ->
                ctx.json(target(gateways.getTarget(gatewayId(ctx), ctx.pathParam("targetId")))), Access.READ);
        routes.put("/gateways/{gatewayIdentifier}/targets/{targetId}", ctx -> updateTarget(ctx, UpdateMode.REPLACE), Access.ADMIN);
        routes.patch("/gateways/{gatewayIdentifier}/targets/{targetId}", ctx -> updateTarget(ctx, UpdateMode.MERGE), Access.ADMIN);
        routes.delete("/gateways/{gatewayIdentifier}/targets/{targetId}", ctx -> {
            GatewayTarget t = gateways.deleteTarget(Security.principal(ctx), gatewayId(ctx), ctx.pathParam("targetId"));
            ObjectNode out = Json.mapper().createObjectNode()
                    .put("gatewayArn", gateways.getGateway(t.gatewayId()).gatewayArn())
                    .put("targetId", t.targetId()).put("status", Gateway.DELETING);
            out.putArray("statusReasons");
            ctx.status(202).json(out);
        }, Access.ADMIN);
    }

    private void createGateway(Context ctx) {
        // Tags are validated before anything is created, so a bad tag creates nothing.
        RequestBody request = RequestBody.of(ctx);
        Tags given = TagRoutes.tagsOf(request, "tags").orElse(Tags.none());
        Gateway created = gateways.createGateway(Security.principal(ctx), body(request));
        tags.tagCreated(Security.principal(ctx), created.gatewayArn(), given);
        ctx.status(202).json(gateway(created));
    }

    private void updateGateway(Context ctx, UpdateMode mode) {
        ctx.status(202).json(gateway(gateways.updateGateway(Security.principal(ctx), gatewayId(ctx), body(ctx), mode)));
    }

    private void updateTarget(Context ctx, UpdateMode mode) {
        ctx.status(202).json(target(gateways.updateTarget(Security.principal(ctx), gatewayId(ctx), ctx.pathParam("targetId"),
                body(ctx), mode)));
    }

    private void schema(Context ctx) {
        GatewaySchema schema = gateways.schema(gatewayId(ctx));
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains("text/plain") && !accept.contains("application/json")) {
            ctx.contentType("text/plain; charset=utf-8").result(schema.cedarText());
            return;
        }
        ObjectNode out = Json.mapper().createObjectNode().put("gatewayArn", schema.gatewayArn())
                .put("cedar", schema.cedarText());
        try {
            out.set("json", Json.mapper().readTree(schema.cedarJson()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("derived schema JSON is invalid", e);
        }
        ctx.json(out);
    }

    /** The body as a JSON object; the description's {optionalValue} form becomes a plain string or null. */
    private static ObjectNode body(Context ctx) {
        return body(RequestBody.of(ctx));
    }

    private static ObjectNode body(RequestBody body) {
        ObjectNode node = ((ObjectNode) body.node()).deepCopy();
        if (node.has("description")) {
            RequestBody.DescriptionUpdate d = body.description("description");
            switch (d.kind()) {
                case SET -> node.put("description", d.value());
                case UNSET -> node.putNull("description");
                case UNCHANGED -> node.remove("description");
            }
        }
        body.optionalString("name");
        body.optionalString("roleArn");
        body.optionalString("authorizerType");
        body.optionalString("protocolType");
        body.optionalObject("targetConfiguration");
        body.optionalObject("authorizerConfiguration");
        body.optionalObject("protocolConfiguration");
        return node;
    }

    private static String gatewayId(Context ctx) {
        return ctx.pathParam("gatewayIdentifier");
    }

    private static PageRequest page(Context ctx) {
        return PageRequest.of(ctx.queryParam("maxResults"), ctx.queryParam("nextToken"));
    }

    private ObjectNode gateway(Gateway g) {
        ObjectNode out = Json.mapper().createObjectNode()
                .put("gatewayArn", g.gatewayArn())
                .put("gatewayId", g.gatewayId())
                .put("gatewayUrl", "https://" + g.gatewayId() + ".gateway.bedrock-agentcore." + region + ".amazonaws.com/mcp")
                .put("createdAt", iso(g.createdAt()))
                .put("updatedAt", iso(g.updatedAt()))
                .put("status", g.status());
        out.putArray("statusReasons");
        copyExcept(g.document(), out, GATEWAY_COMPUTED);
        return out;
    }

    private static ObjectNode gatewaySummary(Gateway g) {
        ObjectNode out = Json.mapper().createObjectNode()
                .put("gatewayId", g.gatewayId())
                .put("name", g.name())
                .put("status", g.status());
        g.description().ifPresent(d -> out.put("description", d));
        out.put("createdAt", iso(g.createdAt())).put("updatedAt", iso(g.updatedAt()))
                .put("authorizerType", g.authorizerType().name())
                .put("protocolType", g.document().path("protocolType").asText("MCP"));
        return out;
    }

    private ObjectNode target(GatewayTarget t) {
        ObjectNode out = Json.mapper().createObjectNode()
                .put("gatewayArn", gateways.getGateway(t.gatewayId()).gatewayArn())
                .put("targetId", t.targetId())
                .put("createdAt", iso(t.createdAt()))
                .put("updatedAt", iso(t.updatedAt()))
                .put("status", t.status());
        out.putArray("statusReasons");
        copyExcept(t.document(), out, TARGET_COMPUTED);
        return out;
    }

    private static ObjectNode targetSummary(GatewayTarget t) {
        ObjectNode out = Json.mapper().createObjectNode()
                .put("targetId", t.targetId())
                .put("name", t.name())
                .put("status", t.status());
        t.description().ifPresent(d -> out.put("description", d));
        out.put("createdAt", iso(t.createdAt())).put("updatedAt", iso(t.updatedAt()))
                .put("targetType", TargetType.of(t.document().get("targetConfiguration")));
        return out;
    }

    private static void copyExcept(JsonNode from, ObjectNode to, Set<String> skip) {
        from.fields().forEachRemaining(e -> {
            if (!skip.contains(e.getKey())) {
                to.set(e.getKey(), e.getValue());
            }
        });
    }

    private static String iso(Instant instant) {
        return instant.toString();
    }
}
