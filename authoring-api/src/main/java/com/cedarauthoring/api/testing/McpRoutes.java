package com.cedarauthoring.api.testing;

import com.cedarauthoring.api.auth.Access;
import com.cedarauthoring.api.auth.Security;
import com.cedarauthoring.api.http.RequestBody;
import com.cedarauthoring.api.http.RouteModule;
import com.cedarauthoring.cedar.AuthRequest;
import com.cedarauthoring.cedar.Decision;
import com.cedarauthoring.gateway.AuthorizerType;
import com.cedarauthoring.gateway.Gateway;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.gateway.GatewayService;
import com.cedarauthoring.gateway.GatewayTarget;
import com.cedarauthoring.gateway.Tool;
import com.cedarauthoring.gateway.ToolAction;
import com.cedarauthoring.json.Json;
import com.cedarauthoring.naming.Arns;
import com.cedarauthoring.store.Page;
import com.cedarauthoring.store.PageRequest;
import com.cedarauthoring.testing.Evaluation;
import com.cedarauthoring.testing.PolicyEvaluator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code POST /gateways/{id}/mcp}: a gateway-style MCP endpoint (JSON-RPC 2.0 over streamable HTTP,
 * single messages) for trying policies with real MCP clients. {@code tools/list} shows the tools the
 * caller could call under some input; {@code tools/call} is decided by the attached engine in its mode
 * and is never forwarded to a tool. The caller's claims come from the bearer JWT, unverified: this is a
 * test endpoint, not an identity provider.
 */
public final class McpRoutes implements RouteModule {
    static final String PROTOCOL_VERSION = "2025-06-18";
    static final String DENIED = "AuthorizeActionException - Tool Execution Denied: Tool call not allowed due to policy enforcement";

    private final GatewayService gateways;
    private final PolicyEvaluator evaluator;
    private final Arns arns;

    public McpRoutes(GatewayService gateways, PolicyEvaluator evaluator, Arns arns) {
        this.gateways = gateways;
        this.evaluator = evaluator;
        this.arns = arns;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/gateways/{gatewayIdentifier}/mcp", this::handle, Access.READ);
    }

    private void handle(Context ctx) {
        Gateway gateway = gateways.getGateway(ctx.pathParam("gatewayIdentifier"));
        JsonNode message;
        try {
            message = readMessage(ctx);
        } catch (JsonProcessingException e) {
            ctx.json(JsonRpc.error(null, JsonRpc.PARSE_ERROR, "Parse error: the body is not JSON"));
            return;
        }
        if (!message.isObject() || !"2.0".equals(message.path("jsonrpc").asText()) || !message.path("method").isTextual()) {
            ctx.json(JsonRpc.error(message.isObject() ? message.get("id") : null, JsonRpc.INVALID_REQUEST,
                    "Invalid Request: expected one JSON-RPC 2.0 request object (batches are not supported)"));
            return;
        }
        JsonNode id = message.get("id");
        String method = message.get("method").textValue();
        if (id == null) {
            // a notification (notifications/initialized, cancelled...): accepted, never answered
            ctx.status(202);
            return;
        }
        JsonNode params = message.path("params");
        ctx.json(switch (method) {
            case "initialize" -> JsonRpc.result(id, initialize(params));
            case "ping" -> JsonRpc.result(id, Json.mapper().createObjectNode());
            case "tools/list" -> JsonRpc.result(id, toolsList(ctx, gateway));
            case "tools/call" -> toolsCall(ctx, gateway, id, params);
            default -> JsonRpc.error(id, JsonRpc.METHOD_NOT_FOUND, "Method not found: " + method);
        });
    }

    private static JsonNode readMessage(Context ctx) throws JsonProcessingException {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > RequestBody.MAX_BYTES) {
            throw com.cedarauthoring.errors.ValidationException.field("body",
                    "Request body must be at most " + RequestBody.MAX_BYTES + " bytes");
        }
        try {
            JsonNode node = Json.mapper().readTree(bytes);
            if (node == null) {
                throw new JsonProcessingException("empty body") {};
            }
            return node;
        } catch (JsonProcessingException e) {
            throw e;
        } catch (java.io.IOException e) {
            throw new JsonProcessingException("unreadable body") {};
        }
    }

    private static ObjectNode initialize(JsonNode params) {
        ObjectNode r = Json.mapper().createObjectNode();
        r.put("protocolVersion", params.path("protocolVersion").isTextual()
                ? params.get("protocolVersion").textValue() : PROTOCOL_VERSION);
        r.putObject("capabilities").putObject("tools").put("listChanged", false);
        r.putObject("serverInfo").put("name", "cedar-authoring-policy-test").put("version", "1");
        r.put("instructions", "Policy test endpoint: tool calls are allowed or denied by the gateway's policy engine "
                + "and never forwarded to a tool.");
        return r;
    }

    private ObjectNode toolsList(Context ctx, Gateway gateway) {
        GatewaySchema schema = gateways.schema(gateway.gatewayId());
        Optional<Gateway.PolicyEngineConfiguration> engine = gateway.policyEngine();
        // LOG_ONLY never blocks, so every tool is callable; ENFORCE lists what some input could allow
        Optional<PolicyEvaluator.Snapshot> snapshot = engine
                .filter(e -> e.mode() == Gateway.PolicyEngineConfiguration.Mode.ENFORCE)
                .map(e -> evaluator.snapshot(engineId(e.arn()), Map.of()));
        Caller caller = caller(ctx, gateway);
        Optional<java.util.Set<String>> callable = snapshot.map(s -> evaluator.callableTools(s, schema, caller.type(),
                caller.id(), caller.tags()));
        ObjectNode result = Json.mapper().createObjectNode();
        ArrayNode tools = result.putArray("tools");
        PageRequest page = PageRequest.first(100);
        while (true) {
            Page<GatewayTarget> targets = gateways.listTargets(gateway.gatewayId(), page);
            for (GatewayTarget t : targets.items()) {
                for (Tool tool : t.tools()) {
                    String action = t.name() + ToolAction.SEPARATOR + tool.name();
                    if (schema.action(action).isEmpty()) {
                        continue;
                    }
                    if (callable.isPresent() && !callable.get().contains(action)) {
                        continue;
                    }
                    ObjectNode n = tools.addObject().put("name", action);
                    if (tool.description() != null) {
                        n.put("description", tool.description());
                    }
                    n.set("inputSchema", tool.inputSchema() == null ? Json.mapper().createObjectNode().put("type", "object")
                            : tool.inputSchema().deepCopy());
                }
            }
            if (targets.nextToken().isEmpty()) {
                return result;
            }
            page = PageRequest.of("100", targets.nextToken().get());
        }
    }

    private ObjectNode toolsCall(Context ctx, Gateway gateway, JsonNode id, JsonNode params) {
        if (!params.path("name").isTextual()) {
            return JsonRpc.error(id, JsonRpc.INVALID_PARAMS, "Invalid params: params.name (the tool) is required");
        }
        GatewaySchema schema = gateways.schema(gateway.gatewayId());
        String name = params.get("name").textValue();
        Optional<String> action = TestRequests.resolveTool(schema, name);
        if (action.isEmpty()) {
            return JsonRpc.error(id, JsonRpc.INVALID_PARAMS, "Unknown tool: " + name);
        }
        JsonNode arguments = params.path("arguments");
        if (arguments.isMissingNode() || arguments.isNull()) {
            arguments = Json.mapper().createObjectNode();
        }
        if (!arguments.isObject() || TestRequests.depth(arguments) > TestRequests.MAX_INPUT_DEPTH) {
            return JsonRpc.error(id, JsonRpc.INVALID_PARAMS, "Invalid params: arguments must be an object nested at most "
                    + TestRequests.MAX_INPUT_DEPTH + " levels deep");
        }
        Caller caller = caller(ctx, gateway);
        if (gateway.policyEngine().isEmpty()) {
            return JsonRpc.result(id, allowed(action.get(), "no policy engine attached: the gateway does not evaluate policies"));
        }
        Gateway.PolicyEngineConfiguration engine = gateway.policyEngine().get();
        AuthRequest request = caller.request(action.get(), gateway.gatewayArn(), arguments);
        Evaluation evaluation = evaluator.evaluate(engineId(engine.arn()), request, Map.of());
        Decision decision = evaluation.enforced();
        if (engine.mode() == Gateway.PolicyEngineConfiguration.Mode.LOG_ONLY) {
            ObjectNode result = allowed(action.get(), "LOG_ONLY: not enforced");
            ObjectNode meta = result.putObject("_meta");
            meta.set("policyDecision", TestRequests.decision(decision));
            meta.put("policyEngineMode", "LOG_ONLY");
            return JsonRpc.result(id, result);
        }
        if (decision.allowed()) {
            return JsonRpc.result(id, allowed(action.get(), "determining policies: "
                    + String.join(", ", decision.determiningPolicies().stream().sorted().toList())));
        }
        ObjectNode denied = Json.mapper().createObjectNode();
        denied.putArray("content").addObject().put("type", "text").put("text", DENIED + " [" + reason(decision) + "]");
        denied.put("isError", true);
        return JsonRpc.result(id, denied);
    }

    /** AgentCore's bracketed reason: its default-deny wording, or the forbid policies that decided. */
    static String reason(Decision decision) {
        if (decision.determiningPolicies().isEmpty()) {
            return "No policy applies to the request (denied by default).";
        }
        return "Denied by policy " + decision.determiningPolicies().stream().sorted().collect(Collectors.joining(", ")) + ".";
    }

    private static ObjectNode allowed(String action, String why) {
        ObjectNode r = Json.mapper().createObjectNode();
        r.put("isError", false);
        r.putArray("content").addObject().put("type", "text").put("text", "ALLOWED " + action + " (" + why + ")");
        return r;
    }

    private Caller caller(Context ctx, Gateway gateway) {
        if (gateway.authorizerType() == AuthorizerType.AWS_IAM) {
            // the signed caller: an IAM principal has no tags, only its ARN
            return new Caller("IamEntity", "arn:aws:iam::" + arns.account() + ":user/" + Security.principal(ctx).name(), Map.of());
        }
        Jwt jwt = Jwt.fromBearer(ctx.header("Authorization"), ctx.header(Jwt.TEST_HEADER));
        return new Caller("OAuthUser", jwt.subject(), jwt.tags());
    }

    private static String engineId(String engineArn) {
        int i = engineArn.lastIndexOf("policy-engine/");
        return i < 0 ? engineArn : engineArn.substring(i + "policy-engine/".length());
    }

    private record Caller(String type, String id, Map<String, String> tags) {
        AuthRequest request(String action, String gatewayArn, JsonNode input) {
            return new AuthRequest(type, id, tags, action, gatewayArn, input);
        }
    }
}
