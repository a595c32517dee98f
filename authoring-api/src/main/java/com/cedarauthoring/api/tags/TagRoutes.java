package com.cedarauthoring.api.tags;

import com.cedarauthoring.api.http.RequestBody;
import com.cedarauthoring.api.http.RouteModule;
import com.cedarauthoring.api.auth.Access;
import com.cedarauthoring.api.auth.Security;
import com.cedarauthoring.errors.ValidationException;
import com.cedarauthoring.json.Json;
import com.cedarauthoring.tags.TagService;
import com.cedarauthoring.tags.Tags;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AgentCore's tag operations: {@code POST /tags/{resourceArn}} (TagResource, 204), {@code DELETE
 * /tags/{resourceArn}?tagKeys=...} (UntagResource, 204), {@code GET /tags/{resourceArn}} (ListTagsForResource).
 * SDKs percent-encode the ARN into one path segment; the route also takes it unencoded (slashes and all).
 */
public final class TagRoutes implements RouteModule {
    private static final String PATH = "/tags/<resourceArn>";

    private final TagService tags;

    public TagRoutes(TagService tags) {
        this.tags = tags;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post(PATH, ctx -> {
            RequestBody body = RequestBody.of(ctx);
            Tags given = tagsOf(body, "tags").orElseThrow(() -> ValidationException.field("tags", "Member must not be null"));
            tags.tag(Security.principal(ctx), resourceArn(ctx), given);
            ctx.status(204);
        }, Access.ADMIN);
        routes.delete(PATH, ctx -> {
            List<String> keys = ctx.queryParams("tagKeys");
            if (keys.isEmpty()) {
                throw ValidationException.field("tagKeys", "Member must not be null");
            }
            if (keys.size() > Tags.MAX_TAGS) {
                throw ValidationException.field("tagKeys", "Member must have at most " + Tags.MAX_TAGS + " entries");
            }
            tags.untag(Security.principal(ctx), resourceArn(ctx), keys);
            ctx.status(204);
        }, Access.ADMIN);
        routes.get(PATH, ctx -> {
            ObjectNode out = Json.mapper().createObjectNode();
            ObjectNode map = out.putObject("tags");
            tags.list(resourceArn(ctx)).forEach(map::put);
            ctx.json(out);
        }, Access.READ);
    }

    /** The {@code tags} map of a request (TagResource, CreateGateway, CreatePolicyEngine), validated. */
    public static java.util.Optional<Tags> tagsOf(RequestBody body, String member) {
        return body.optionalObject(member).map(object -> {
            JsonNode node = object.node();
            Map<String, String> values = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isTextual()) {
                    throw ValidationException.field(member + "." + e.getKey(), "Tag value must be a string");
                }
                values.put(e.getKey(), e.getValue().textValue());
            }
            return Tags.of(member, values);
        });
    }

    private static String resourceArn(Context ctx) {
        return ctx.pathParam("resourceArn");
    }
}
