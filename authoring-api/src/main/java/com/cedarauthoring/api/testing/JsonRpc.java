package com.cedarauthoring.api.testing;

import com.cedarauthoring.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON-RPC 2.0 envelopes. Errors of the protocol are JSON-RPC errors; a policy denial is a tool result. */
final class JsonRpc {
    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int METHOD_NOT_FOUND = -32601;
    static final int INVALID_PARAMS = -32602;

    private JsonRpc() {}

    static ObjectNode result(JsonNode id, JsonNode result) {
        ObjectNode n = envelope(id);
        n.set("result", result);
        return n;
    }

    static ObjectNode error(JsonNode id, int code, String message) {
        ObjectNode n = envelope(id);
        n.putObject("error").put("code", code).put("message", message);
        return n;
    }

    private static ObjectNode envelope(JsonNode id) {
        ObjectNode n = Json.mapper().createObjectNode().put("jsonrpc", "2.0");
        n.set("id", id == null ? Json.mapper().nullNode() : id);
        return n;
    }
}
