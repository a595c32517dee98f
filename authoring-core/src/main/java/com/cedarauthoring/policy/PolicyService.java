package com.cedarauthoring.policy;

import com.cedarauthoring.audit.AuditEntry;
import com.cedarauthoring.audit.AuditTrail;
import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.cedar.ParseOutcome;
import com.cedarauthoring.cedar.est.PolicyView;
import com.cedarauthoring.errors.ResourceNotFoundException;
import com.cedarauthoring.errors.ValidationException;
import com.cedarauthoring.findings.Finding;
import com.cedarauthoring.findings.FindingType;
import com.cedarauthoring.gateway.GatewayDirectory;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.identity.Principal;
import com.cedarauthoring.naming.Arns;
import com.cedarauthoring.naming.Ids;
import com.cedarauthoring.naming.Names;
import com.cedarauthoring.store.ClientToken;
import com.cedarauthoring.store.Idempotency;
import com.cedarauthoring.store.Page;
import com.cedarauthoring.store.PageRequest;
import com.cedarauthoring.store.Transactions;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Policies of an engine. As on AgentCore, a well-formed create or update is accepted (202) and the
 * policy then settles: ACTIVE, or CREATE_FAILED / UPDATE_FAILED with {@code statusReasons} quoting
 * Cedar. Validation runs synchronously here, so the stored policy has settled before the call returns.
 *
 * <p>Request-level problems (bad members, a statement holding several policies, unknown ids, a name
 * already used in the engine) are exceptions and leave nothing stored. Every change appends its audit
 * event in its own transaction.
 */
public final class PolicyService {
    private static final Set<FindingType> REFUSED_ASSETS = Set.of(FindingType.INVALID, FindingType.NOT_TRANSLATABLE);

    private final PolicyStore store;
    private final PolicyEngineService engines;
    private final GatewayDirectory gateways;
    private final Optional<GeneratedAssets> assets;
    private final Cedar cedar;
    private final PolicyFindings analyzer;
    private final Transactions transactions;
    private final AuditTrail audit;
    private final Idempotency idempotency;
    private final Arns arns;
    private final Ids ids;
    private final Clock clock;
    private final Cache<String, String> engineArns = Caffeine.newBuilder().maximumSize(10_000).build();

    public PolicyService(PolicyStore store, PolicyEngineService engines, GatewayDirectory gateways,
                         Optional<GeneratedAssets> assets, Cedar cedar, PolicyFindings analyzer,
                         Transactions transactions, AuditTrail audit, Idempotency idempotency, Arns arns, Ids ids,
                         Clock clock) {
        this.store = store;
        this.engines = engines;
        this.gateways = gateways;
        this.assets = assets;
        this.cedar = cedar;
        this.analyzer = analyzer;
        this.transactions = transactions;
        this.audit = audit;
        this.idempotency = idempotency;
        this.arns = arns;
        this.ids = ids;
        this.clock = clock;
    }

    /** CreatePolicy; the response reports CREATING, the stored policy is ACTIVE or CREATE_FAILED. */
    public Policy create(Principal actor, String policyEngineId, NewPolicy request, Optional<ClientToken> clientToken) {
        return create(actor, policyEngineId, request, clientToken, Map.of());
    }

    /**
     * CreatePolicy on behalf of another feature (an approval): {@code context} joins the audit event's details
     * (e.g. the asset and review it came from).
     */
    public Policy create(Principal actor, String policyEngineId, NewPolicy request, Optional<ClientToken> clientToken,
                         Map<String, ?> context) {
        Names.requireValidName("name", request.name());
        request.description().ifPresent(d -> PolicyEngineService.requireDescription("description", d));
        ParseOutcome parsed = checkDefinition(request.definition());
        if (clientToken.isPresent()) {
            // a missing engine answers 404 before a token is replayed; without a token the locked read below does
            engines.get(policyEngineId);
        }
        ValidationMode mode = request.validationMode().orElse(ValidationMode.FAIL_ON_ANY_FINDINGS);
        return idempotency.once(Idempotency.Scope.of(Idempotency.Operation.CreatePolicy, policyEngineId), clientToken,
                request, Policy.class, () -> {
            // The engine row stays locked until the policy is stored: a concurrent DeletePolicyEngine either
            // runs first (this answers 404) or waits and then sees the policy (it answers ConflictException).
            if (!store.lockEngine(policyEngineId)) {
                throw PolicyEngineService.notFound(policyEngineId);
            }
            String engineArn = engineArn(policyEngineId);
            Resolved resolved = resolve(policyEngineId, request.definition(), parsed, mode);
            String statement = resolved.statement().statement();
            String scope = scopeOf(statement, resolved.parsed());
            List<String> problems = problems(engineArn, statement, resolved.parsed(), scope, mode);
            String id = ids.resourceId(request.name());
            Instant now = now();
            Policy policy = new Policy(id, policyEngineId, request.name(), arns.policy(policyEngineId, id),
                    request.description().orElse(null), resolved.statement().kind(), statement,
                    scope, mode, request.enforcementMode().orElse(EnforcementMode.ACTIVE),
                    problems.isEmpty() ? PolicyStatus.ACTIVE : PolicyStatus.CREATE_FAILED, problems, now, now);
            store.insertPolicy(policy);
            Map<String, Object> details = details(policy);
            details.putAll(context);
            audit.append(AuditEntry.by(actor, "CreatePolicy", policy.policyArn(), details, statement));
            return policy.reportedAs(PolicyStatus.CREATING);
        });
    }

    /**
     * One indexed read when the policy exists (clients poll this until ACTIVE): an engine cannot be
     * deleted while it holds policies, so the engine is only looked up to say which of the two is missing.
     */
    public Policy get(String policyEngineId, String policyId) {
        return store.findPolicy(policyEngineId, policyId).orElseThrow(() -> {
            engines.get(policyEngineId);
            return notFound(policyEngineId, policyId);
        });
    }

    /**
     * ListPolicies. {@code targetResourceScope} keeps the policies whose resource is that gateway ARN and
     * those not scoped to a resource (they apply to it too).
     */
    public Page<Policy> list(String policyEngineId, Optional<String> targetResourceScope, PageRequest page) {
        targetResourceScope.ifPresent(s -> {
            if (s.length() < 20 || s.length() > 1011) {
                throw ValidationException.field("targetResourceScope", "Member must have length between 20 and 1011, inclusive");
            }
        });
        engines.get(policyEngineId);
        return store.listPolicies(policyEngineId, targetResourceScope, page);
    }

    /**
     * Every policy of the engine in creation order, any status (for evaluation: callers keep ACTIVE ones
     * and honour {@link Policy#enforcementMode()}).
     */
    public List<Policy> all(String policyEngineId) {
        engines.get(policyEngineId);
        List<Policy> all = new ArrayList<>();
        PageRequest page = PageRequest.first(100);
        while (true) {
            Page<Policy> p = store.listPolicies(policyEngineId, Optional.empty(), page);
            all.addAll(p.items());
            if (p.nextToken().isEmpty()) {
                return List.copyOf(all);
            }
            page = PageRequest.of("100", p.nextToken().get());
        }
    }

    /**
     * UpdatePolicy; the response reports UPDATING. The result is re-validated against the engine's
     * gateways as they are now. A failing update keeps the policy's previous definition, description and
     * modes (a broken edit must not replace a working policy) and settles it as UPDATE_FAILED with reasons.
     */
    public Policy update(Principal actor, String policyEngineId, String policyId, PolicyChange change) {
        if (change.description().changes() && change.description().value() != null) {
            PolicyEngineService.requireDescription("description", change.description().value());
        }
        Optional<ParseOutcome> parsed = change.definition().map(this::checkDefinition);
        PolicyEngine engine = engines.get(policyEngineId);
        // Read-modify-write under the policy's row lock: concurrent updates apply one after the other,
        // each to the state the previous one left, so no change is silently lost.
        return transactions.inTransaction(() -> {
            Policy current = store.findPolicyForUpdate(policyEngineId, policyId)
                    .orElseThrow(() -> notFound(policyEngineId, policyId));
            ValidationMode mode = change.validationMode().orElse(current.validationMode());
            Resolved resolved = change.definition().isPresent()
                    ? resolve(engine.policyEngineId(), change.definition().get(), parsed.get(), mode)
                    : new Resolved(new PolicyDefinition.Statement(current.kind(), current.statement()), cedar.parse(current.statement()));
            PolicyDefinition.Statement statement = resolved.statement();
            String scope = scopeOf(statement.statement(), resolved.parsed());
            List<String> problems = problems(engine.policyEngineArn(), statement.statement(), resolved.parsed(), scope, mode);
            Policy stored = problems.isEmpty()
                    ? new Policy(current.policyId(), current.policyEngineId(), current.name(), current.policyArn(),
                            change.description().applyTo(current.description()), statement.kind(), statement.statement(),
                            scope, mode, change.enforcementMode().orElse(current.enforcementMode()),
                            PolicyStatus.ACTIVE, List.of(), current.createdAt(), now())
                    : new Policy(current.policyId(), current.policyEngineId(), current.name(), current.policyArn(),
                            current.description(), current.kind(), current.statement(), current.resourceScope(),
                            current.validationMode(), current.enforcementMode(), PolicyStatus.UPDATE_FAILED, problems,
                            current.createdAt(), now());
            store.updatePolicy(stored);
            audit.append(AuditEntry.by(actor, "UpdatePolicy", stored.policyArn(), details(stored), stored.statement()));
            return stored.reportedAs(PolicyStatus.UPDATING);
        });
    }

    /** DeletePolicy; the response reports DELETING and the policy is gone (404) afterwards. */
    public Policy delete(Principal actor, String policyEngineId, String policyId) {
        return transactions.inTransaction(() -> {
            Policy current = get(policyEngineId, policyId);
            if (!store.deletePolicy(policyEngineId, policyId)) {
                throw notFound(policyEngineId, policyId);
            }
            audit.append(AuditEntry.by(actor, "DeletePolicy", current.policyArn(), Map.of("name", current.name()),
                    current.statement()));
            return current.reportedAs(PolicyStatus.DELETING);
        });
    }

    /**
     * The ARN of an existing engine (the caller holds its lock). An engine's ARN never changes and its id is never
     * reused, so the pairing is kept: every instance reads the same pairing from the database, and a deleted
     * engine fails the lock before its entry is asked for.
     */
    private String engineArn(String policyEngineId) {
        return engineArns.get(policyEngineId, id -> store.findEngine(id)
                .orElseThrow(() -> PolicyEngineService.notFound(id)).policyEngineArn());
    }

    /** What a policy's audit event says of it beyond its ARN and statement hash. */
    private static Map<String, Object> details(Policy p) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("policyId", p.policyId());
        details.put("name", p.name());
        details.put("status", p.status().name());
        details.put("enforcementMode", p.enforcementMode().name());
        return details;
    }

    /** A definition resolved to its statement, with Cedar's parse of it (parsing crosses JNI, so it is done once). */
    private record Resolved(PolicyDefinition.Statement statement, ParseOutcome parsed) {}

    /**
     * Request-time checks of a definition: statement length and exactly one policy.
     *
     * @return the parse of the statement; null for a generation reference (parsed once resolved)
     */
    private ParseOutcome checkDefinition(PolicyDefinition definition) {
        if (definition instanceof PolicyDefinition.Statement s) {
            String field = "definition." + s.kind().member() + ".statement";
            int length = s.statement().length();
            if (length < PolicyDefinition.STATEMENT_MIN || length > PolicyDefinition.STATEMENT_MAX) {
                throw ValidationException.field(field, "Member must have length between " + PolicyDefinition.STATEMENT_MIN
                        + " and " + PolicyDefinition.STATEMENT_MAX + ", inclusive (value has length " + length + ")");
            }
            // nesting and operator bounds: deeper text would overflow Cedar's native parser (CedarLimits)
            cedar.limitViolation(s.statement()).ifPresent(problem -> {
                throw ValidationException.field(field, problem);
            });
            return requireSinglePolicy(field, s.statement());
        }
        PolicyDefinition.FromGeneration g = (PolicyDefinition.FromGeneration) definition;
        requireResourceId("definition.policyGeneration.policyGenerationId", g.policyGenerationId());
        requireResourceId("definition.policyGeneration.policyGenerationAssetId", g.policyGenerationAssetId());
        return null;
    }

    /**
     * Several policies in one statement is a malformed request (one policy per Policy resource), so it
     * is refused up front; other syntax errors are Cedar findings and settle as *_FAILED with Cedar's message.
     */
    private ParseOutcome requireSinglePolicy(String field, String statement) {
        // Cedar's view of the statement (its EST) is needed anyway for the scope, validation and analysis; when
        // Cedar gives one, the statement is exactly one static policy, so the separate parse (a second native
        // call) only runs to say what is wrong with a statement. The outcome then lists the statement itself.
        if (cedar.isOnePolicy(statement)) {
            return new ParseOutcome.Parsed(List.of(statement));
        }
        ParseOutcome outcome = cedar.parse(statement);
        if (outcome instanceof ParseOutcome.Parsed parsed && parsed.policies().size() != 1) {
            throw ValidationException.field(field, "The statement must hold exactly one Cedar policy; it holds "
                    + parsed.policies().size());
        }
        return outcome;
    }

    private static void requireResourceId(String field, String value) {
        if (value.length() < 12 || value.length() > 59 || !value.matches("[A-Za-z][A-Za-z0-9_]*-[a-z0-9_]{10}")) {
            throw ValidationException.field(field,
                    "Member must satisfy regular expression pattern: [A-Za-z][A-Za-z0-9_]*-[a-z0-9_]{10} (length 12-59)");
        }
    }

    /** The statement a definition stands for; generation assets are looked up and must belong to the engine. */
    private Resolved resolve(String policyEngineId, PolicyDefinition definition, ParseOutcome parsed, ValidationMode mode) {
        if (definition instanceof PolicyDefinition.Statement s) {
            return new Resolved(s, parsed);
        }
        PolicyDefinition.FromGeneration ref = (PolicyDefinition.FromGeneration) definition;
        GeneratedAsset asset = assets
                .flatMap(a -> a.find(policyEngineId, ref.policyGenerationId(), ref.policyGenerationAssetId()))
                .filter(a -> a.policyEngineId().equals(policyEngineId))
                .orElseThrow(() -> new ResourceNotFoundException("Policy generation asset " + ref.policyGenerationAssetId()
                        + " of generation " + ref.policyGenerationId() + " not found in policy engine " + policyEngineId));
        boolean refused = asset.findings().stream().anyMatch(f -> REFUSED_ASSETS.contains(f.type()));
        if (asset.cedar().isEmpty() || (refused && mode == ValidationMode.FAIL_ON_ANY_FINDINGS)) {
            throw ValidationException.field("definition.policyGeneration.policyGenerationAssetId",
                    "The asset has findings " + asset.findings().stream().map(f -> f.type().name()).toList()
                            + (asset.cedar().isEmpty() ? " and no Cedar policy" : "") + "; it cannot become a policy");
        }
        cedar.limitViolation(asset.cedar().get()).ifPresent(problem -> {
            throw ValidationException.field("definition.policyGeneration.policyGenerationAssetId", problem);
        });
        ParseOutcome assetParse = requireSinglePolicy("definition.policyGeneration.policyGenerationAssetId", asset.cedar().get());
        return new Resolved(new PolicyDefinition.Statement(StatementKind.CEDAR, asset.cedar().get()), assetParse);
    }

    /**
     * Why this statement cannot be ACTIVE in this engine; empty when it can.
     *
     * <p>AgentCore checks against the combined schema of all attached gateways ("not defined in the schema
     * for any associated gateway"). Each gateway's schema declares only its own tools, so a policy is
     * schema-valid when it validates against the schema of the gateway it is scoped to (when that gateway is
     * attached), or else against at least one attached gateway's schema. The analyzer then judges it against
     * the schemas it is valid for.
     */
    private List<String> problems(String policyEngineArn, String statement, ParseOutcome parsed, String scope,
                                  ValidationMode mode) {
        if (parsed instanceof ParseOutcome.SyntaxError err) {
            return List.of("Validation failed: Cedar syntax error: " + err.message());
        }
        List<GatewaySchema> attached = gateways.schemasAttachedTo(policyEngineArn);
        List<GatewaySchema> own = attached.stream().filter(s -> s.gatewayArn().equals(scope)).toList();
        List<GatewaySchema> candidates = own.isEmpty() ? attached : own;
        List<GatewaySchema> validFor = new ArrayList<>();
        List<String> schemaProblems = new ArrayList<>();
        for (GatewaySchema schema : candidates) {
            List<String> messages = cedar.validate(schema, statement);
            if (messages.isEmpty()) {
                validFor.add(schema);
            }
            for (String message : messages) {
                // Cedar names the policy by the id we gave it for validation, which means nothing to the caller.
                schemaProblems.add("Validation failed against the schema of gateway " + schema.gatewayArn() + ": "
                        + message.replaceFirst("^for policy `[^`]*`, ", ""));
            }
        }
        if (validFor.isEmpty() && !candidates.isEmpty()) {
            return List.copyOf(schemaProblems);
        }
        List<String> problems = new ArrayList<>();
        if (mode == ValidationMode.FAIL_ON_ANY_FINDINGS) {
            for (GatewaySchema schema : validFor) {
                for (Finding f : findings(statement, schema)) {
                    if (f.type() != FindingType.VALID) {
                        problems.add("Validation failed: " + f.type() + " finding (" + f.code() + "): " + f.description());
                    }
                }
            }
        }
        return problems.stream().distinct().toList();
    }

    private List<Finding> findings(String statement, GatewaySchema schema) {
        return analyzer.analyze(statement, schema);
    }

    /** The resource entity id of {@code resource == E} / {@code resource in E}; null when unscoped or unparsable. */
    private String scopeOf(String statement, ParseOutcome parsed) {
        if (!(parsed instanceof ParseOutcome.Parsed p) || p.policies().size() != 1) {
            return null;
        }
        return cedar.view(statement).resource().scopeEntity().map(PolicyView.EntityRef::id).orElse(null);
    }

    private static ResourceNotFoundException notFound(String policyEngineId, String policyId) {
        return new ResourceNotFoundException("Policy " + policyId + " not found in policy engine " + policyEngineId);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
