package com.cedarauthoring.api.http;

import com.cedarauthoring.json.Json;
import com.cedarauthoring.store.Page;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;

/** AgentCore's list response shape: {@code {"<member>": [...], "nextToken"?: "..."}}. */
public final class PageJson {
    private PageJson() {}

    public static <T> ObjectNode of(Page<T> page, String member, Function<T, ? extends JsonNode> item) {
        ObjectNode out = Json.mapper().createObjectNode();
        ArrayNode items = out.putArray(member);
        page.items().forEach(t -> items.add(item.apply(t)));
        page.nextToken().ifPresent(t -> out.put("nextToken", t));
        return out;
    }
}
