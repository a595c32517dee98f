package com.cedarauthoring.cedar;

import com.cedarpolicy.model.AuthorizationRequest;
import com.cedarpolicy.model.PartialAuthorizationRequest;
import com.cedarpolicy.model.entity.Entity;
import com.cedarpolicy.value.CedarList;
import com.cedarpolicy.value.CedarMap;
import com.cedarpolicy.value.EntityTypeName;
import com.cedarpolicy.value.EntityUID;
import com.cedarpolicy.value.PrimBool;
import com.cedarpolicy.value.PrimLong;
import com.cedarpolicy.value.PrimString;
import com.cedarpolicy.value.Unknown;
import com.cedarpolicy.value.Value;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A gateway request as Cedar sees it: the principal with the caller's claims as tags, the gateway as the
 * resource, the tool's action in its target's action group in {@code CallTool}, and {@code context.input}
 * typed by the tool's schema.
 *
 * <p>The action hierarchy of a tool and the gateway's entity are the same for every request, so they are
 * built once and shared (cedar-java only reads entities, to serialise them); only the principal and the
 * context are new per request. Thread-safe.
 */
final class RequestEntities {
    // Parsing an entity type name crosses JNI; a request needs eight of them and there are four types in all.
    private static final Map<String, EntityTypeName> TYPES = new ConcurrentHashMap<>();

    // tool action id -> the tool's action, its target's action group and CallTool (a gateway has at most
    // 100 targets of bounded tools; the bound keeps many gateways' actions from growing without end)
    private final Cache<String, List<Entity>> actions = Caffeine.newBuilder().maximumSize(10_000).build();
    private final Cache<String, Entity> gateways = Caffeine.newBuilder().maximumSize(1_000).build();

    /** The request and its entities, ready for {@code isAuthorized}. */
    record Built(AuthorizationRequest request, Set<Entity> entities) {}

    /** The same with {@code context.input} unknown, for {@code isAuthorizedPartial}. */
    record BuiltPartial(PartialAuthorizationRequest request, Set<Entity> entities) {}

    Built build(AuthRequest request, java.util.Optional<CedarType.RecordType> inputType) {
        Scope scope = scope(request);
        return new Built(new AuthorizationRequest(scope.principal().getEUID(), scope.action(), scope.gateway(),
                context(toValue(request.input(), inputType.orElse(null)))), scope.entities());
    }

    /** {@code request}'s principal, action and gateway, its input left unknown ({@code request.input()} is ignored). */
    BuiltPartial buildWithUnknownInput(AuthRequest request) {
        Scope scope = scope(request);
        return new BuiltPartial(PartialAuthorizationRequest.builder().principal(scope.principal().getEUID())
                .action(scope.action()).resource(scope.gateway()).context(context(new Unknown("input"))).build(),
                scope.entities());
    }

    private record Scope(Entity principal, EntityUID action, EntityUID gateway, Set<Entity> entities) {}

    private Scope scope(AuthRequest request) {
        List<Entity> actionEntities = actions.get(request.actionId(), RequestEntities::actionHierarchy);
        Entity gateway = gateways.get(request.gatewayArn(), arn -> new Entity(uid("Gateway", arn), new HashMap<>(),
                new HashSet<>(), new HashMap<>()));
        Entity principal = principal(request);
        Set<Entity> entities = new HashSet<>(8);
        entities.addAll(actionEntities);
        entities.add(principal);
        entities.add(gateway);
        return new Scope(principal, actionEntities.get(0).getEUID(), gateway.getEUID(), entities);
    }

    private static Map<String, Value> context(Value input) {
        Map<String, Value> context = new HashMap<>(2);
        context.put("input", input);
        return context;
    }

    private static Entity principal(AuthRequest request) {
        Map<String, Value> tags = new HashMap<>(Math.max(4, request.tags().size() * 2));
        request.tags().forEach((k, v) -> tags.put(k, new PrimString(v)));
        Map<String, Value> attributes = new HashMap<>(2);
        attributes.put("id", new PrimString(request.principalId()));
        return new Entity(uid(request.principalType(), request.principalId()), attributes, new HashSet<>(), tags);
    }

    /**
     * The action with the schema's hierarchy (tool in target in CallTool), so that
     * {@code action in AgentCore::Action::"<Target>"} decides as on the gateway; the requested action first.
     * Building these entities is much cheaper than handing the schema to every request.
     */
    private static List<Entity> actionHierarchy(String actionId) {
        List<Entity> out = new ArrayList<>(3);
        String id = actionId;
        while (true) {
            String parent = parentOf(id);
            Set<EntityUID> parents = new HashSet<>();
            if (parent != null) {
                parents.add(uid("Action", parent));
            }
            out.add(new Entity(uid("Action", id), new HashMap<>(), parents, new HashMap<>()));
            if (parent == null) {
                return List.copyOf(out);
            }
            id = parent;
        }
    }

    /** {@code <Target>___<tool>} is in {@code <Target>}, every other action in {@code CallTool}. */
    private static String parentOf(String actionId) {
        int i = actionId.indexOf(CedarSchema.ACTION_SEPARATOR);
        if (i >= 0) {
            return actionId.substring(0, i);
        }
        return actionId.equals("CallTool") ? null : "CallTool";
    }

    static EntityUID uid(String type, String id) {
        return TYPES.computeIfAbsent(type, t -> EntityTypeName.parse(CedarSchema.NAMESPACE + "::" + t)
                .orElseThrow(() -> new IllegalArgumentException("bad entity type " + t))).of(id);
    }

    /** JSON as a Cedar value; {@code type} (nullable) makes numbers on {@code decimal} attributes decimals. */
    private static Value toValue(JsonNode node, CedarType type) {
        if (type instanceof CedarType.DecimalType && (node.isNumber() || node.isTextual())) {
            return new com.cedarpolicy.value.Decimal(decimalLiteral(node));
        }
        if (node.isTextual()) {
            return new PrimString(node.textValue());
        }
        if (node.isBoolean()) {
            return new PrimBool(node.booleanValue());
        }
        if (node.isIntegralNumber()) {
            return new PrimLong(node.longValue());
        }
        if (node.isNumber()) {
            return new com.cedarpolicy.value.Decimal(decimalLiteral(node));
        }
        if (node.isArray()) {
            CedarType element = type instanceof CedarType.SetType set ? set.element() : null;
            List<Value> values = new ArrayList<>(node.size());
            node.forEach(n -> values.add(toValue(n, element)));
            return new CedarList(values);
        }
        if (node.isObject()) {
            Map<String, Value> fields = new java.util.LinkedHashMap<>();
            node.fields().forEachRemaining(f -> {
                CedarType fieldType = type instanceof CedarType.RecordType record
                        ? record.attribute(f.getKey()).map(Attribute::type).orElse(null) : null;
                fields.put(f.getKey(), toValue(f.getValue(), fieldType));
            });
            return new CedarMap(fields);
        }
        throw new IllegalArgumentException("cannot pass JSON " + node.getNodeType() + " to Cedar");
    }

    /** Cedar decimals need a fractional part and at most four fractional digits. */
    static String decimalLiteral(JsonNode node) {
        BigDecimal d = new BigDecimal(node.asText()).stripTrailingZeros();
        if (d.scale() < 1) {
            d = d.setScale(1);
        }
        return d.toPlainString();
    }
}
