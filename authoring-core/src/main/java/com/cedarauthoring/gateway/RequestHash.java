package com.cedarauthoring.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.TreeMap;

/** SHA-256 of a JSON request in canonical form (object keys sorted), for clientToken idempotency. */
final class RequestHash {
    private RequestHash() {}

    static String of(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        canonical(node, sb);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static void canonical(JsonNode node, StringBuilder sb) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            Iterator<String> names = node.fieldNames();
            names.forEachRemaining(n -> sorted.put(n, node.get(n)));
            sb.append('{');
            boolean first = true;
            for (var e : sorted.entrySet()) {
                sb.append(first ? "" : ",").append(com.fasterxml.jackson.databind.node.TextNode.valueOf(e.getKey())).append(':');
                canonical(e.getValue(), sb);
                first = false;
            }
            sb.append('}');
        } else if (node.isArray()) {
            sb.append('[');
            for (int i = 0; i < node.size(); i++) {
                sb.append(i == 0 ? "" : ",");
                canonical(node.get(i), sb);
            }
            sb.append(']');
        } else {
            sb.append(node.toString());
        }
    }
}
