package com.cedarauthoring.gateway;

import com.cedarauthoring.audit.AuditEntry;
import com.cedarauthoring.audit.AuditTrail;
import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.errors.ConflictException;
import com.cedarauthoring.errors.ResourceNotFoundException;
import com.cedarauthoring.errors.ValidationException;
import com.cedarauthoring.identity.Principal;
import com.cedarauthoring.json.Json;
import com.cedarauthoring.naming.Arns;
import com.cedarauthoring.naming.Ids;
import com.cedarauthoring.store.ClientToken;
import com.cedarauthoring.store.Idempotency;
import com.cedarauthoring.store.Page;
import com.cedarauthoring.store.PageRequest;
import com.cedarauthoring.store.Transactions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Gateways and gateway targets: the AgentCore operations, plus the derived Cedar schema of each gateway
 * for the other features ({@link GatewayDirectory}).
 *
 * <p>Requests arrive as JSON documents (the API has already checked they are JSON objects); this class
 * validates the members it understands and stores the whole document so every other member is echoed.
 * Updates merge: a member present in the update replaces the stored one, a member set to JSON
 * {@code null} removes it (that is how {@code policyEngineConfiguration} is detached), absent members
 * are kept. Deleting a gateway deletes its targets. Everything is synchronous, so statuses are READY.
 *
 * <p>Derived schemas are cached by gateway id and schema version; the version is bumped in the database
 * on every target change, so a cache never serves a stale schema even with several service instances.
 *
 * <p>Every change appends its audit event in the change's own transaction: both commit or neither does.
 */
public final class GatewayService implements GatewayDirectory {
    /** AgentCore's gateway and target name pattern. */
    public static final String NAME_PATTERN = "^([0-9a-zA-Z][-]?){1,100}$";
    /** The pattern alone admits 200 characters ("a-" x 100); AgentCore's names are at most 100. */
    public static final int NAME_MAX = 100;
    /** AgentCore's GatewayPolicyEngineArn length limit. */
    public static final int ENGINE_ARN_MAX = 170;
    private static final Pattern NAME = Pattern.compile(NAME_PATTERN);
    private static final Pattern ROLE_ARN = Pattern.compile("^arn:aws(-[^:]+)?:iam::([0-9]{12})?:role/.+$");
    private static final int MAX_TARGETS = 100;
    /** CreateGateway / UpdateGateway input members of the model that are stored and echoed ({@code tags} are kept apart). */
    private static final Set<String> GATEWAY_MEMBERS = Set.of("name", "roleArn", "authorizerType", "description",
            "protocolType", "protocolConfiguration", "authorizerConfiguration", "kmsKeyArn", "customTransformConfiguration",
            "interceptorConfigurations", "policyEngineConfiguration", "exceptionLevel", "wafConfiguration");
    /** CreateGatewayTarget / UpdateGatewayTarget input members of the model that are stored and echoed. */
    private static final Set<String> TARGET_MEMBERS = Set.of("name", "description", "targetConfiguration",
            "credentialProviderConfigurations", "metadataConfiguration", "privateEndpoint");

    /** How an update treats members the request omits. */
    public enum UpdateMode {
        /** AgentCore's {@code PUT}: the request is the new resource; omitted optional members are cleared. */
        REPLACE,
        /** Our {@code PATCH} extension: omitted members are kept, JSON {@code null} removes one. */
        MERGE
    }

    private final GatewayStore store;
    private final Transactions transactions;
    private final AuditTrail audit;
    private final Idempotency idempotency;
    private final PolicyEngineLookup engines;
    private final SchemaDeriver deriver;
    private final Arns arns;
    private final Ids ids;
    private final Clock clock;
    private final Cache<String, Versioned> schemas = Caffeine.newBuilder().maximumSize(10_000).build();

    public GatewayService(GatewayStore store, Transactions transactions, AuditTrail audit, Idempotency idempotency,
                          PolicyEngineLookup engines, Cedar cedar, Arns arns, Ids ids, Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.audit = audit;
        this.idempotency = idempotency;
        this.engines = engines;
        this.deriver = new SchemaDeriver(cedar);
        this.arns = arns;
        this.ids = ids;
        this.clock = clock;
    }

    // ---- gateways ----

    /**
     * CreateGateway. With a {@code clientToken}, a repeat of the same request returns the gateway it
     * created; the same token with a different request is a ValidationException
     * (reason IdempotentParameterMismatchException).
     */
    public Gateway createGateway(Principal actor, ObjectNode request) {
        ObjectNode sent = withoutNulls(request);
        Optional<ClientToken> token = clientToken(sent);
        sent.remove("clientToken");
        // the request as sent (tags too) is what a clientToken retry must repeat; only the model's members are stored
        ObjectNode doc = known(sent, GATEWAY_MEMBERS);
        String name = requireName("name", doc);
        requireRoleArn(doc);
        AuthorizerType authorizer = authorizerType(doc);
        Optional<Gateway.PolicyEngineConfiguration> engine = policyEngine(doc);
        doc.put("protocolType", doc.path("protocolType").asText("MCP"));
        return idempotency.once(Idempotency.Scope.of(Idempotency.Operation.CreateGateway), token, sent, Gateway.class,
                () -> {
                    requireEngineExists(engine);
                    String id = ids.gatewayId(name);
                    Instant now = now();
                    Gateway gateway = new Gateway(id, arns.gateway(id), name, authorizer, engine, Gateway.READY, 1,
                            doc, now, now);
                    store.insertGateway(gateway);
                    audit.append(AuditEntry.by(actor, "CreateGateway", gateway.gatewayArn(), Map.of("name", name)));
                    return gateway;
                });
    }

    /** By gateway id or gateway ARN. */
    public Gateway getGateway(String identifier) {
        return store.gateway(gatewayIdOf(identifier))
                .orElseThrow(() -> new ResourceNotFoundException("Gateway not found: " + identifier));
    }

    /** Whether this service has the gateway (by id or ARN). */
    public boolean exists(String identifier) {
        return arns.gatewayIdOf(identifier).or(() -> Optional.ofNullable(identifier).filter(i -> !i.startsWith("arn:")))
                .flatMap(store::gateway).isPresent();
    }

    public Page<Gateway> listGateways(PageRequest page) {
        return store.gateways(page);
    }

    /**
     * UpdateGateway ({@link UpdateMode#REPLACE}) or the PATCH merge, applied to the latest stored gateway: the
     * row is locked until the update commits, so none is lost.
     */
    public Gateway updateGateway(Principal actor, String identifier, ObjectNode update, UpdateMode mode) {
        return transactions.inTransaction(() -> {
            Gateway current = store.gatewayForUpdate(gatewayIdOf(identifier))
                    .orElseThrow(() -> new ResourceNotFoundException("Gateway not found: " + identifier));
            ObjectNode doc = apply(current.document(), update, mode, GATEWAY_MEMBERS);
            doc.put("protocolType", doc.path("protocolType").asText("MCP"));
            String name = requireName("name", doc);
            requireRoleArn(doc);
            AuthorizerType authorizer = authorizerType(doc);
            Optional<Gateway.PolicyEngineConfiguration> engine = policyEngine(doc);
            if (!engine.equals(current.policyEngine())) {
                requireEngineExists(engine);
            }
            long version = current.schemaVersion() + (authorizer != current.authorizerType() ? 1 : 0);
            Gateway updated = new Gateway(current.gatewayId(), current.gatewayArn(), name, authorizer, engine,
                    Gateway.READY, version, doc, current.createdAt(), now());
            if (!store.updateGateway(updated)) {
                throw new ResourceNotFoundException("Gateway not found: " + identifier);
            }
            audit.append(AuditEntry.by(actor, "UpdateGateway", updated.gatewayArn(), Map.of("name", name, "mode", mode.name())));
            schemas.invalidate(current.gatewayId());
            return updated;
        });
    }

    /** Deletes the gateway and its targets; returns it as it was. */
    public Gateway deleteGateway(Principal actor, String identifier) {
        Gateway gateway = transactions.inTransaction(() -> {
            Gateway current = getGateway(identifier);
            if (!store.deleteGateway(current.gatewayId())) {
                throw new ResourceNotFoundException("Gateway not found: " + identifier);
            }
            audit.append(AuditEntry.by(actor, "DeleteGateway", current.gatewayArn(), Map.of("name", current.name())));
            return current;
        });
        schemas.invalidate(gateway.gatewayId());
        return gateway;
    }

    // ---- targets ----

    /** CreateGatewayTarget, with the same clientToken idempotency as {@link #createGateway}. */
    public GatewayTarget createTarget(Principal actor, String gatewayIdentifier, ObjectNode request) {
        ObjectNode sent = withoutNulls(request);
        sent.remove("gatewayIdentifier");
        Optional<ClientToken> token = clientToken(sent);
        sent.remove("clientToken");
        ObjectNode doc = known(sent, TARGET_MEMBERS);
        String name = requireName("name", doc);
        List<Tool> tools = toolsOf(name, doc);
        String gatewayId = getGateway(gatewayIdentifier).gatewayId();
        return idempotency.once(Idempotency.Scope.of(Idempotency.Operation.CreateGatewayTarget, gatewayId), token, sent,
                GatewayTarget.class, () -> insertTarget(actor, gatewayId, name, doc, tools));
    }

    /** Inside the create transaction: the gateway row lock serialises target changes of one gateway. */
    private GatewayTarget insertTarget(Principal actor, String gatewayId, String name, ObjectNode doc, List<Tool> tools) {
        Gateway gateway = lockGateway(gatewayId);
        List<GatewayTarget> existing = store.allTargets(gateway.gatewayId());
        if (existing.size() >= MAX_TARGETS) {
            throw new ConflictException("A gateway has at most " + MAX_TARGETS + " targets");
        }
        Instant now = now();
        GatewayTarget target = new GatewayTarget(gateway.gatewayId(), ids.targetId(), name, Gateway.READY, doc,
                tools, now, now);
        List<GatewayTarget> after = new ArrayList<>(existing);
        after.add(target);
        checkTargets(gateway, after, name);
        store.insertTarget(target);
        audit.append(AuditEntry.by(actor, "CreateGatewayTarget", targetArn(gateway, target.targetId()),
                Map.of("name", name, "targetId", target.targetId())));
        schemas.invalidate(gateway.gatewayId());
        return target;
    }

    public GatewayTarget getTarget(String gatewayIdentifier, String targetId) {
        Gateway gateway = getGateway(gatewayIdentifier);
        return store.target(gateway.gatewayId(), targetId)
                .orElseThrow(() -> new ResourceNotFoundException("Gateway target not found: " + targetId));
    }

    public Page<GatewayTarget> listTargets(String gatewayIdentifier, PageRequest page) {
        return store.targets(getGateway(gatewayIdentifier).gatewayId(), page);
    }

    /**
     * UpdateGatewayTarget ({@link UpdateMode#REPLACE}) or the PATCH merge, serialised with every other change of
     * the gateway's targets by the gateway row lock.
     */
    public GatewayTarget updateTarget(Principal actor, String gatewayIdentifier, String targetId, ObjectNode update,
                                      UpdateMode mode) {
        return transactions.inTransaction(() -> {
            Gateway gateway = lockGateway(gatewayIdentifier);
            GatewayTarget current = store.target(gateway.gatewayId(), targetId)
                    .orElseThrow(() -> new ResourceNotFoundException("Gateway target not found: " + targetId));
            ObjectNode doc = apply(current.document(), update, mode, TARGET_MEMBERS);
            String name = requireName("name", doc);
            List<Tool> tools = toolsOf(name, doc);
            GatewayTarget updated = new GatewayTarget(gateway.gatewayId(), targetId, name, Gateway.READY, doc, tools,
                    current.createdAt(), now());
            List<GatewayTarget> after = new ArrayList<>();
            for (GatewayTarget t : store.allTargets(gateway.gatewayId())) {
                after.add(t.targetId().equals(targetId) ? updated : t);
            }
            checkTargets(gateway, after, name);
            if (!store.updateTarget(updated)) {
                throw new ResourceNotFoundException("Gateway target not found: " + targetId);
            }
            audit.append(AuditEntry.by(actor, "UpdateGatewayTarget", targetArn(gateway, targetId),
                    Map.of("name", name, "targetId", targetId, "mode", mode.name())));
            schemas.invalidate(gateway.gatewayId());
            return updated;
        });
    }

    public GatewayTarget deleteTarget(Principal actor, String gatewayIdentifier, String targetId) {
        return transactions.inTransaction(() -> {
            Gateway gateway = lockGateway(gatewayIdentifier);
            GatewayTarget target = store.target(gateway.gatewayId(), targetId)
                    .orElseThrow(() -> new ResourceNotFoundException("Gateway target not found: " + targetId));
            store.deleteTarget(gateway.gatewayId(), targetId);
            audit.append(AuditEntry.by(actor, "DeleteGatewayTarget", targetArn(gateway, targetId),
                    Map.of("name", target.name(), "targetId", targetId)));
            schemas.invalidate(gateway.gatewayId());
            return target;
        });
    }

    /** A target's ARN as the audit trail names it (AgentCore gives targets none): the gateway's + {@code /target/<id>}. */
    private static String targetArn(Gateway gateway, String targetId) {
        return gateway.gatewayArn() + "/target/" + targetId;
    }

    // ---- schemas ----

    /** The derived Cedar schema of a gateway (by id or ARN). */
    public GatewaySchema schema(String gatewayIdentifier) {
        return schemaOf(getGateway(gatewayIdentifier));
    }

    @Override
    public Optional<GatewaySchema> schemaByArn(String gatewayArn) {
        return arns.gatewayIdOf(gatewayArn).flatMap(store::gateway).map(this::schemaOf);
    }

    @Override
    public List<String> gatewayArnsAttachedTo(String policyEngineArn) {
        return store.gatewaysAttachedTo(policyEngineArn).stream().map(Gateway::gatewayArn).toList();
    }

    @Override
    public List<GatewaySchema> schemasAttachedTo(String policyEngineArn) {
        return store.gatewaysAttachedTo(policyEngineArn).stream().map(this::schemaOf).toList();
    }

    private GatewaySchema schemaOf(Gateway gateway) {
        String version = gateway.schemaVersion() + "/" + gateway.authorizerType();
        Versioned cached = schemas.getIfPresent(gateway.gatewayId());
        if (cached != null && cached.version().equals(version)) {
            return cached.schema();
        }
        GatewaySchema derived = derive(gateway, store.allTargets(gateway.gatewayId()));
        schemas.put(gateway.gatewayId(), new Versioned(version, derived));
        return derived;
    }

    /** A cached schema and the gateway version (schema version and authorizer) it was derived at. */
    private record Versioned(String version, GatewaySchema schema) {}

    private GatewaySchema derive(Gateway gateway, List<GatewayTarget> targets) {
        List<SchemaDeriver.TargetTools> tools = targets.stream()
                .map(t -> new SchemaDeriver.TargetTools(t.name(), t.tools())).toList();
        return deriver.derive(gateway.gatewayArn(), gateway.authorizerType(), tools);
    }

    /** The tools of a target document; their errors name the target. */
    private static List<Tool> toolsOf(String targetName, ObjectNode doc) {
        try {
            return ToolDefinitions.of(doc.get("targetConfiguration"));
        } catch (ValidationException e) {
            throw e.prefixed("Target '" + targetName + "': ");
        }
    }

    /**
     * Duplicate action ids are conflicts; the whole schema must derive, parse and stay within its size
     * limit. Errors name {@code changedTarget}, the target whose create or update is refused.
     */
    private void checkTargets(Gateway gateway, List<GatewayTarget> targets, String changedTarget) {
        Map<String, String> seenTargets = new HashMap<>();
        Map<String, String> actionIds = new HashMap<>();
        for (GatewayTarget t : targets) {
            if (seenTargets.put(t.name(), t.targetId()) != null) {
                throw new ConflictException("The gateway already has a target named '" + t.name() + "'");
            }
            for (Tool tool : t.tools()) {
                String actionId = t.name() + ToolAction.SEPARATOR + tool.name();
                if (actionIds.put(actionId, t.targetId()) != null) {
                    throw new ConflictException("Duplicate tool action id '" + actionId + "' in gateway "
                            + gateway.gatewayId());
                }
            }
        }
        try {
            derive(gateway, targets);
        } catch (ValidationException e) {
            throw e.prefixed("Target '" + changedTarget + "': ");
        }
    }

    private Gateway lockGateway(String identifier) {
        return store.lockForSchemaChange(gatewayIdOf(identifier))
                .orElseThrow(() -> new ResourceNotFoundException("Gateway not found: " + identifier));
    }

    private String gatewayIdOf(String identifier) {
        if (identifier != null && identifier.startsWith("arn:")) {
            return arns.gatewayIdOf(identifier)
                    .orElseThrow(() -> new ResourceNotFoundException("Gateway not found: " + identifier));
        }
        return identifier;
    }

    /** Millisecond precision: what the database and ISO timestamps on the wire keep alike. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    // ---- member validation ----

    /** The stored document after an update: the request alone (REPLACE) or merged into {@code current} (MERGE). */
    private static ObjectNode apply(ObjectNode current, ObjectNode update, UpdateMode mode, Set<String> members) {
        if (mode == UpdateMode.REPLACE) {
            return known(update, members);
        }
        ObjectNode doc = current.deepCopy();
        update.fields().forEachRemaining(e -> {
            if (!members.contains(e.getKey())) {
                return;
            }
            if (e.getValue().isNull()) {
                doc.remove(e.getKey());
            } else {
                doc.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        return doc;
    }

    /** The model's members of a request, without nulls; anything else a client sent is dropped. */
    private static ObjectNode known(ObjectNode request, Set<String> members) {
        ObjectNode doc = Json.mapper().createObjectNode();
        request.fields().forEachRemaining(e -> {
            if (members.contains(e.getKey()) && !e.getValue().isNull()) {
                doc.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        return doc;
    }

    /** A copy without top-level null members: on create, null means "not given". */
    private static ObjectNode withoutNulls(ObjectNode request) {
        ObjectNode doc = request.deepCopy();
        List<String> nulls = new ArrayList<>();
        doc.fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) {
                nulls.add(e.getKey());
            }
        });
        doc.remove(nulls);
        return doc;
    }

    private static Optional<ClientToken> clientToken(ObjectNode doc) {
        JsonNode v = doc.get(ClientToken.FIELD);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw ValidationException.field(ClientToken.FIELD, "Member must be a string");
        }
        return Optional.of(new ClientToken(v.textValue()));
    }

    /** An attached engine must exist when it is attached (AgentCore answers ResourceNotFoundException). */
    private void requireEngineExists(Optional<Gateway.PolicyEngineConfiguration> engine) {
        engine.ifPresent(e -> {
            if (!engines.exists(e.arn())) {
                throw new ResourceNotFoundException("Policy engine " + e.arn() + " was not found. "
                        + "policyEngineConfiguration.arn must be the ARN of a policy engine of this service.");
            }
        });
    }

    private static String requireName(String field, ObjectNode doc) {
        JsonNode v = doc.get(field);
        if (v == null || v.isNull()) {
            throw ValidationException.field(field, "Member must not be null");
        }
        if (!v.isTextual()) {
            throw ValidationException.field(field, "Member must be a string");
        }
        String name = v.textValue();
        if (name.isEmpty() || name.length() > NAME_MAX) {
            throw ValidationException.field(field, "Member must have length between 1 and " + NAME_MAX
                    + ", inclusive (value has length " + name.length() + ")");
        }
        if (!NAME.matcher(name).matches()) {
            throw ValidationException.field(field, "Member must satisfy regular expression pattern: " + NAME_PATTERN);
        }
        if ("CallTool".equals(name)) {
            throw ValidationException.field(field, "'CallTool' is reserved: it is the Cedar action group of all tools");
        }
        return name;
    }

    private static void requireRoleArn(ObjectNode doc) {
        JsonNode v = doc.get("roleArn");
        if (v == null || v.isNull()) {
            throw ValidationException.field("roleArn", "Member must not be null");
        }
        if (!v.isTextual()) {
            throw ValidationException.field("roleArn", "Member must be a string");
        }
        if (!ROLE_ARN.matcher(v.textValue()).matches()) {
            throw ValidationException.field("roleArn", "Member must be an IAM role ARN (arn:aws:iam::<account>:role/<name>)");
        }
    }

    private static AuthorizerType authorizerType(ObjectNode doc) {
        JsonNode v = doc.get("authorizerType");
        if (v == null || v.isNull()) {
            throw ValidationException.field("authorizerType", "Member must not be null");
        }
        for (AuthorizerType t : AuthorizerType.values()) {
            if (v.isTextual() && t.name().equals(v.textValue())) {
                return t;
            }
        }
        throw ValidationException.field("authorizerType", "Member must satisfy enum value set: " + java.util.Arrays.toString(AuthorizerType.values()));
    }

    private static Optional<Gateway.PolicyEngineConfiguration> policyEngine(ObjectNode doc) {
        JsonNode v = doc.get("policyEngineConfiguration");
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isObject()) {
            throw ValidationException.field("policyEngineConfiguration", "Member must be a structure (JSON object)");
        }
        JsonNode arn = v.get("arn");
        if (arn == null || arn.isNull()) {
            throw ValidationException.field("policyEngineConfiguration.arn", "Member must not be null");
        }
        if (arn.isTextual() && arn.textValue().length() > ENGINE_ARN_MAX) {
            throw ValidationException.field("policyEngineConfiguration.arn", "Member must have length between 1 and "
                    + ENGINE_ARN_MAX + ", inclusive (value has length " + arn.textValue().length() + ")");
        }
        if (!arn.isTextual() || !arn.textValue().matches(
                "arn:aws[-a-z]{0,7}:bedrock-agentcore:[a-z0-9-]+:[0-9]{12}:policy-engine/[a-zA-Z][a-zA-Z0-9-_]{0,99}-[a-zA-Z0-9_]{10}")) {
            throw ValidationException.field("policyEngineConfiguration.arn",
                    "Member must be a policy engine ARN (arn:aws:bedrock-agentcore:<region>:<account>:policy-engine/<id>)");
        }
        JsonNode mode = v.get("mode");
        if (mode == null || mode.isNull()) {
            throw ValidationException.field("policyEngineConfiguration.mode", "Member must not be null");
        }
        for (Gateway.PolicyEngineConfiguration.Mode m : Gateway.PolicyEngineConfiguration.Mode.values()) {
            if (mode.isTextual() && m.name().equals(mode.textValue())) {
                return Optional.of(new Gateway.PolicyEngineConfiguration(arn.textValue(), m));
            }
        }
        throw ValidationException.field("policyEngineConfiguration.mode",
                "Member must satisfy enum value set: [LOG_ONLY, ENFORCE]");
    }
}
