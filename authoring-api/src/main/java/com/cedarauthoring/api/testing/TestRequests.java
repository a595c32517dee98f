package com.cedarauthoring.api.testing;

import com.cedarauthoring.api.http.RequestBody;
import com.cedarauthoring.cedar.AuthRequest;
import com.cedarauthoring.cedar.Decision;
import com.cedarauthoring.errors.ResourceNotFoundException;
import com.cedarauthoring.errors.ValidationException;
import com.cedarauthoring.gateway.GatewayDirectory;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.gateway.ToolAction;
import com.cedarauthoring.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.cedarauthoring.testing.TestCase;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the members shared by authorize and test runs ({@code principal}, {@code action}, {@code input},
 * {@code candidatePolicies}) strictly and bounded, and writes decisions in the wire shape of api.md.
 */
final class TestRequests {
    static final int MAX_TAGS = 50;
    static final int MAX_TAG_LENGTH = 1024;
    static final int MAX_INPUT_DEPTH = 32;
    static final int MAX_CASES = 200;
    private static final Pattern ENGINE_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_]*-[a-z0-9_]{10}");

    private final GatewayDirectory gateways;

    TestRequests(GatewayDirectory gateways) {
        this.gateways = gateways;
    }

    GatewaySchema gateway(RequestBody body) {
        return gateway(body.requiredString("gatewayArn", 20, 1011));
    }

    GatewaySchema gateway(String arn) {
        return gateways.schemaByArn(arn)
                .orElseThrow(() -> new ResourceNotFoundException("Gateway " + arn + " not found"));
    }

    /**
     * The {@code cases} of a suite (a test run's body, a saved suite): 1-{@value #MAX_CASES} cases with unique
     * names and an expected decision, each a request against {@code gateway}.
     */
    List<TestCase> cases(JsonNode casesNode, GatewaySchema gateway) {
        if (!casesNode.isArray() || casesNode.isEmpty()) {
            throw ValidationException.field("cases", "Member must be a non-empty list of test cases");
        }
        if (casesNode.size() > MAX_CASES) {
            throw ValidationException.field("cases", "Member must have at most " + MAX_CASES + " items");
        }
        List<TestCase> cases = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < casesNode.size(); i++) {
            RequestBody c = RequestBody.at(casesNode.get(i), "cases[" + i + "]");
            String name = c.requiredString("name", 1, 256);
            if (!names.add(name)) {
                throw ValidationException.field(c.field("name"), "Case names must be unique; " + name + " is repeated");
            }
            String expected = c.requiredString("expected");
            if (!expected.equals("ALLOW") && !expected.equals("DENY")) {
                throw ValidationException.field(c.field("expected"), "Member must satisfy enum value set: [ALLOW, DENY]");
            }
            cases.add(new TestCase(name, request(c, gateway), expected.equals("ALLOW")));
        }
        return cases;
    }

    /** The {@code policyEngineId} path parameter, checked as AgentCore checks it. */
    static String engineId(Context ctx) {
        String value = ctx.pathParam("policyEngineId");
        if (value.length() < 12 || value.length() > 59 || !ENGINE_ID.matcher(value).matches()) {
            throw ValidationException.field("policyEngineId", "Member must satisfy regular expression pattern: "
                    + ENGINE_ID.pattern() + " and have length between 12 and 59, inclusive");
        }
        return value;
    }

    /** One request of {@code body} (the authorize body, or one case of a suite) against {@code gateway}. */
    AuthRequest request(RequestBody body, GatewaySchema gateway) {
        RequestBody principal = body.requiredObject("principal");
        String type = principal.optionalString("type").orElse(gateway.authorizer().principalEntity());
        if (!type.equals("OAuthUser") && !type.equals("IamEntity")) {
            throw ValidationException.field(principal.field("type"), "Member must satisfy enum value set: [OAuthUser, IamEntity]");
        }
        String id = principal.requiredString("id", 1, 1024);
        Map<String, String> tags = tags(principal);
        if (type.equals("IamEntity") && !tags.isEmpty()) {
            throw ValidationException.field(principal.field("tags"), "IamEntity principals have no tags (AgentCore puts claims only on OAuthUser)");
        }
        String action = actionId(gateway, body.requiredString("action", 1, 200), body.field("action"));
        JsonNode input = body.node().path("input");
        if (input.isMissingNode() || input.isNull()) {
            input = Json.mapper().createObjectNode();
        }
        if (!input.isObject()) {
            throw ValidationException.field(body.field("input"), "Member must be a structure (JSON object)");
        }
        if (depth(input) > MAX_INPUT_DEPTH) {
            throw ValidationException.field(body.field("input"), "Member must be nested at most " + MAX_INPUT_DEPTH + " levels deep");
        }
        return new AuthRequest(type, id, tags, action, gateway.gatewayArn(), input);
    }

    /** {@code <Target>___<tool>}; the two-underscore form of some AgentCore samples is accepted too. */
    static String actionId(GatewaySchema gateway, String name, String field) {
        return resolveTool(gateway, name).orElseThrow(() -> ValidationException.field(field,
                "Unknown tool " + name + " on gateway " + gateway.gatewayArn() + "; tools are named <Target>"
                        + ToolAction.SEPARATOR + "<tool>"));
    }

    static Optional<String> resolveTool(GatewaySchema gateway, String name) {
        if (gateway.action(name).isPresent()) {
            return Optional.of(name);
        }
        int i = name.indexOf("__");
        if (i > 0 && !name.contains(ToolAction.SEPARATOR)) {
            String three = name.substring(0, i) + ToolAction.SEPARATOR + name.substring(i + 2);
            if (gateway.action(three).isPresent()) {
                return Optional.of(three);
            }
        }
        return Optional.empty();
    }

    static Map<String, String> tags(RequestBody principal) {
        Map<String, String> tags = new LinkedHashMap<>();
        JsonNode node = principal.node().path("tags");
        if (node.isMissingNode() || node.isNull()) {
            return tags;
        }
        if (!node.isObject()) {
            throw ValidationException.field(principal.field("tags"), "Member must be a map of strings");
        }
        if (node.size() > MAX_TAGS) {
            throw ValidationException.field(principal.field("tags"), "Member must have at most " + MAX_TAGS + " entries");
        }
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                throw ValidationException.field(principal.field("tags") + "." + e.getKey(), "Member must be a string");
            }
            if (e.getKey().length() > MAX_TAG_LENGTH || e.getValue().textValue().length() > MAX_TAG_LENGTH) {
                throw ValidationException.field(principal.field("tags") + "." + e.getKey(),
                        "Tag keys and values must have at most " + MAX_TAG_LENGTH + " characters");
            }
            tags.put(e.getKey(), e.getValue().textValue());
        });
        return tags;
    }

    static List<String> candidates(RequestBody body) {
        JsonNode node = body.node().path("candidatePolicies");
        List<String> out = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw ValidationException.field("candidatePolicies", "Member must be a list of Cedar statements");
        }
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw ValidationException.field("candidatePolicies[" + i + "]", "Member must be a string");
            }
            out.add(node.get(i).textValue());
        }
        return out;
    }

    static int depth(JsonNode node) {
        int max = 0;
        for (JsonNode child : node) {
            if (child.isContainerNode()) {
                max = Math.max(max, depth(child));
                if (max > MAX_INPUT_DEPTH) {
                    break;
                }
            }
        }
        return max + 1;
    }

    static ObjectNode decision(Decision d) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("decision", d.allowed() ? "ALLOW" : "DENY");
        ArrayNode determining = n.putArray("determiningPolicies");
        d.determiningPolicies().stream().sorted().forEach(determining::add);
        ArrayNode errors = n.putArray("errors");
        d.errors().forEach(errors::add);
        return n;
    }
}
