package com.cedarauthoring.review;

import com.cedarauthoring.audit.AuditEntry;
import com.cedarauthoring.audit.AuditTrail;
import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.cedar.ParseOutcome;
import com.cedarauthoring.errors.AccessDeniedException;
import com.cedarauthoring.errors.ConflictException;
import com.cedarauthoring.errors.ResourceNotFoundException;
import com.cedarauthoring.errors.ValidationException;
import com.cedarauthoring.semantics.Equivalence;
import com.cedarauthoring.findings.Finding;
import com.cedarauthoring.findings.FindingType;
import com.cedarauthoring.gateway.GatewayDirectory;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.policy.GeneratedAsset;
import com.cedarauthoring.policy.GeneratedAssets;
import com.cedarauthoring.findings.ScopeRules;
import com.cedarauthoring.identity.Principal;
import com.cedarauthoring.identity.Role;
import com.cedarauthoring.json.Json;
import com.cedarauthoring.naming.Ids;
import com.cedarauthoring.naming.Names;
import com.cedarauthoring.policy.EnforcementMode;
import com.cedarauthoring.policy.NewPolicy;
import com.cedarauthoring.policy.Policy;
import com.cedarauthoring.policy.PolicyDefinition;
import com.cedarauthoring.policy.PolicyService;
import com.cedarauthoring.policy.PolicyStatus;
import com.cedarauthoring.policy.StatementKind;
import com.cedarauthoring.policy.ValidationMode;
import com.cedarauthoring.store.ClientToken;
import com.cedarauthoring.store.Idempotency;
import com.cedarauthoring.store.Jdbc;
import com.cedarauthoring.store.Page;
import com.cedarauthoring.store.PageRequest;
import com.cedarauthoring.store.Transactions;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reviews of generated assets (api.md, Review).
 *
 * <p>An approval is checked completely before anything is stored: the caller is a reviewer and did not start
 * the generation (four-eyes, off in local mode), the asset is not already decided, every non-VALID finding type
 * is acknowledged, INVALID / NOT_TRANSLATABLE assets come with an edited statement, and an edited statement is a
 * single policy, strictly valid for the generation's gateway and scoped to it. The edit is compared with the
 * generated statement on the generated request set ({@link Equivalence}); a change of meaning must be confirmed.
 * The approval that completes the required count creates the policy. The review, the policy and their audit
 * events commit in one transaction.
 */
public final class ReviewService {
    private static final int COMMENT_MAX = 4096;

    private final ReviewStore store;
    private final GeneratedAssets assets;
    private final GatewayDirectory gateways;
    private final PolicyService policies;
    private final Cedar cedar;
    private final Equivalence equivalence;
    private final AuditTrail audit;
    private final Idempotency idempotency;
    private final Transactions transactions;
    private final Ids ids;
    private final Clock clock;
    private final int requiredApprovals;

    public ReviewService(ReviewStore store, GeneratedAssets assets, GatewayDirectory gateways, PolicyService policies,
                         Cedar cedar, AuditTrail audit, Idempotency idempotency, Transactions transactions, Ids ids,
                         Clock clock, int requiredApprovals) {
        if (requiredApprovals < 1 || requiredApprovals > 10) {
            throw new IllegalArgumentException("required approvals must be 1-10: " + requiredApprovals);
        }
        this.store = store;
        this.assets = assets;
        this.gateways = gateways;
        this.policies = policies;
        this.cedar = cedar;
        this.equivalence = new Equivalence(cedar);
        this.audit = audit;
        this.idempotency = idempotency;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
        this.requiredApprovals = requiredApprovals;
    }

    /** {@code POST .../assets/{assetId}/review}. */
    public ReviewOutcome review(String policyEngineId, String policyGenerationId, String assetId, ReviewRequest request,
                                Optional<ClientToken> clientToken, Principal caller) {
        if (request.dryRun()) {
            return decide(policyEngineId, policyGenerationId, assetId, request, caller, false);
        }
        Map<String, Object> fingerprint = new LinkedHashMap<>();
        fingerprint.put("request", request);
        fingerprint.put("caller", caller.name());
        return idempotency.once(Idempotency.Scope.of(Idempotency.Operation.ReviewPolicyGenerationAsset,
                        policyGenerationId + "/" + assetId), clientToken, fingerprint,
                ReviewOutcome.class, () -> decide(policyEngineId, policyGenerationId, assetId, request, caller, false));
    }

    /**
     * CreatePolicy with {@code definition.policyGeneration}, as AWS SDKs send it: an APPROVE with no comment and
     * no edit. {@code IGNORE_ALL_FINDINGS} acknowledges the asset's findings; {@code FAIL_ON_ANY_FINDINGS}
     * acknowledges none. It must be the approval that creates the policy.
     */
    public Policy createFromAsset(String policyEngineId, NewPolicy request, Optional<ClientToken> clientToken,
                                  Principal caller) {
        PolicyDefinition.FromGeneration ref = (PolicyDefinition.FromGeneration) request.definition();
        Names.requireValidName("name", request.name());
        return idempotency.once(Idempotency.Scope.of(Idempotency.Operation.CreatePolicy, policyEngineId), clientToken,
                request, Policy.class, () -> {
            GeneratedAsset asset = asset(policyEngineId, ref.policyGenerationId(), ref.policyGenerationAssetId());
            Set<FindingType> acknowledged = request.validationMode().orElse(ValidationMode.FAIL_ON_ANY_FINDINGS)
                    == ValidationMode.IGNORE_ALL_FINDINGS ? nonValid(asset) : Set.of();
            ReviewRequest approve = new ReviewRequest(ReviewDecision.APPROVE, Optional.empty(), Optional.of(request.name()),
                    request.description(), Optional.empty(), acknowledged,
                    request.enforcementMode().orElse(EnforcementMode.ACTIVE), false, false);
            ReviewOutcome outcome = decide(policyEngineId, ref.policyGenerationId(), ref.policyGenerationAssetId(),
                    approve, caller, true);
            return outcome.policy().orElseThrow().reportedAs(PolicyStatus.CREATING);
        });
    }

    /** {@code GET .../assets/{assetId}/reviews}: the history, oldest first. */
    public Page<Review> history(String policyEngineId, String policyGenerationId, String assetId, PageRequest page) {
        asset(policyEngineId, policyGenerationId, assetId);
        return store.page(policyGenerationId, assetId, page);
    }

    /** The review state of each reviewed asset of a generation (unreviewed assets are PENDING_REVIEW). */
    public Map<String, ReviewState> states(String policyGenerationId) {
        return store.states(policyGenerationId);
    }

    public int requiredApprovals() {
        return requiredApprovals;
    }

    private ReviewOutcome decide(String policyEngineId, String policyGenerationId, String assetId, ReviewRequest request,
                                 Principal caller, boolean mustCreatePolicy) {
        if (!caller.has(Role.REVIEWER)) {
            throw new AccessDeniedException("User: " + caller.name() + " is not authorized to review policy generation "
                    + "assets: the reviewer role is required");
        }
        GeneratedAsset asset = asset(policyEngineId, policyGenerationId, assetId);
        if (request.decision() == ReviewDecision.APPROVE && !caller.local() && caller.name().equals(asset.startedBy())) {
            throw new AccessDeniedException("User: " + caller.name() + " started policy generation " + policyGenerationId
                    + " and cannot approve its assets: another reviewer must approve them (four-eyes)");
        }
        List<Review> history = store.history(policyGenerationId, assetId);
        ReviewState state = ReviewState.of(history);
        if (state.status().isFinal()) {
            throw new ConflictException("Policy generation asset " + assetId + " is already " + state.status()
                    + (state.policyId().map(p -> " (policy " + p + ")").orElse("")) + "; it cannot be reviewed again");
        }
        Review review = switch (request.decision()) {
            case REJECT, REQUEST_CHANGES -> comment(asset, request, caller, history.size() + 1);
            case APPROVE -> approval(asset, request, caller, history);
        };
        boolean completes = review.decision() == ReviewDecision.APPROVE
                && currentRound(history).size() + 1 >= requiredApprovals;
        if (mustCreatePolicy && !completes) {
            throw ValidationException.field("definition.policyGeneration",
                    "This asset needs " + requiredApprovals + " approvals; record the others with the review API "
                            + "(POST .../assets/" + assetId + "/review) before CreatePolicy");
        }
        if (request.dryRun()) {
            return new ReviewOutcome(review, Optional.empty(), true);
        }
        return record(asset, review, request, completes, caller);
    }

    private Review comment(GeneratedAsset asset, ReviewRequest request, Principal caller, int sequence) {
        String comment = request.comment().map(String::strip).filter(c -> !c.isEmpty()).orElseThrow(() ->
                ValidationException.field("comment", "Member is required for " + request.decision()));
        if (comment.length() > COMMENT_MAX) {
            throw ValidationException.field("comment", "Member must have length less than or equal to " + COMMENT_MAX);
        }
        return new Review(ids.resourceId("review"), asset.policyEngineId(), asset.policyGenerationId(),
                asset.policyGenerationAssetId(), sequence, request.decision(), caller.name(), Optional.of(comment),
                Optional.empty(), Optional.empty(), false, false, Optional.empty(), List.of(), Optional.empty(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    private Review approval(GeneratedAsset asset, ReviewRequest request, Principal caller, List<Review> history) {
        String policyName = Names.requireValidName("policyName",
                request.policyName().orElseThrow(() -> ValidationException.field("policyName", "Member is required for APPROVE")));
        request.comment().ifPresent(c -> {
            if (c.length() > COMMENT_MAX) {
                throw ValidationException.field("comment", "Member must have length less than or equal to " + COMMENT_MAX);
            }
        });
        Set<FindingType> missing = EnumSet.noneOf(FindingType.class);
        missing.addAll(nonValid(asset));
        missing.removeAll(request.acknowledgedFindings());
        if (!missing.isEmpty()) {
            throw ValidationException.field("acknowledgedFindings", "Acknowledge every finding type of the asset before "
                    + "approving it; not acknowledged: " + missing.stream().sorted().map(Enum::name).toList());
        }
        boolean unusable = asset.findings().stream().anyMatch(f -> f.type().isError()) || asset.cedar().isEmpty();
        if (unusable && request.statement().isEmpty()) {
            throw ValidationException.field("statement", "The asset has findings "
                    + asset.findings().stream().map(f -> f.type().name()).distinct().toList()
                    + "; it can only be approved with an edited statement");
        }
        GatewaySchema schema = gateways.schemaByArn(asset.gatewayArn()).orElseThrow(() -> new ResourceNotFoundException(
                "Gateway " + asset.gatewayArn() + " of this generation no longer exists"));
        String statement;
        boolean edited;
        Optional<StatementDifference> difference = Optional.empty();
        if (request.statement().isPresent() && !request.statement().get().strip().equals(asset.cedar().map(String::strip).orElse(null))) {
            statement = request.statement().get();
            requireValidEdit(statement, schema);
            edited = true;
            List<String> generated = asset.cedar().filter(c -> !unusable).map(List::of).orElse(List.of());
            difference = equivalence.compare(generated, List.of(statement), schema).map(d -> new StatementDifference(
                    Json.mapper().valueToTree(d.request()), d.expectedAllowed(), d.actualAllowed()));
            if (difference.isPresent() && !request.confirmDifference() && !request.dryRun()) {
                throw ValidationException.field("statement", "The edited statement changes the meaning: "
                        + difference.get().describe() + ". Approve again with \"confirmDifference\": true to accept it");
            }
        } else {
            statement = asset.cedar().orElseThrow();
            edited = false;
        }
        String sha = AuditEntry.sha256(statement);
        List<Review> round = currentRound(history);
        if (round.stream().anyMatch(r -> r.reviewer().equals(caller.name()) && !caller.local())) {
            throw new ConflictException("User: " + caller.name() + " has already approved asset "
                    + asset.policyGenerationAssetId() + "; another reviewer must give the next approval");
        }
        if (!round.isEmpty() && !round.get(0).statementSha256().orElse("").equals(sha)) {
            throw new ConflictException("Earlier approvals of asset " + asset.policyGenerationAssetId()
                    + " approved a different statement (SHA-256 " + round.get(0).statementSha256().orElse("") + ")");
        }
        return new Review(ids.resourceId("review"), asset.policyEngineId(), asset.policyGenerationId(),
                asset.policyGenerationAssetId(), history.size() + 1, ReviewDecision.APPROVE, caller.name(),
                request.comment().map(String::strip).filter(c -> !c.isEmpty()), Optional.of(statement), Optional.of(sha),
                edited, caller.local(), difference, List.copyOf(request.acknowledgedFindings()), Optional.empty(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    /** An edited statement is held to what a generated one is: one policy, strictly valid, within the gateway. */
    private void requireValidEdit(String statement, GatewaySchema schema) {
        int length = statement.length();
        if (length < PolicyDefinition.STATEMENT_MIN || length > PolicyDefinition.STATEMENT_MAX) {
            throw ValidationException.field("statement", "Member must have length between " + PolicyDefinition.STATEMENT_MIN
                    + " and " + PolicyDefinition.STATEMENT_MAX + ", inclusive (value has length " + length + ")");
        }
        ParseOutcome parsed = cedar.parse(statement);
        if (parsed instanceof ParseOutcome.SyntaxError err) {
            throw ValidationException.field("statement", "Cedar syntax error: " + err.message());
        }
        int count = ((ParseOutcome.Parsed) parsed).policies().size();
        if (count != 1) {
            throw ValidationException.field("statement", "The statement must hold exactly one Cedar policy; it holds " + count);
        }
        List<String> problems = new ArrayList<>(cedar.validate(schema, statement));
        problems.addAll(ScopeRules.violations(cedar.view(statement), schema));
        if (!problems.isEmpty()) {
            throw ValidationException.field("statement", "The edited statement is not valid for gateway "
                    + schema.gatewayArn() + ": " + String.join("; ", problems));
        }
    }

    private ReviewOutcome record(GeneratedAsset asset, Review review, ReviewRequest request, boolean completes,
                                 Principal caller) {
        return transactions.inTransaction(() -> {
            Review stored = review;
            Optional<Policy> created = Optional.empty();
            if (completes) {
                NewPolicy newPolicy = new NewPolicy(request.policyName().orElseThrow(),
                        new PolicyDefinition.Statement(StatementKind.CEDAR, review.statement().orElseThrow()),
                        request.description(), Optional.of(ValidationMode.IGNORE_ALL_FINDINGS),
                        Optional.of(request.enforcementMode()));
                // its CreatePolicy event names the asset and review it came from
                Policy policy = policies.create(caller, asset.policyEngineId(), newPolicy, Optional.empty(),
                        Map.of("fromAsset", asset.assetArn(), "reviewId", review.reviewId()));
                Policy settled = policies.get(asset.policyEngineId(), policy.policyId());
                if (settled.status() != PolicyStatus.ACTIVE) {
                    // rolls the whole approval back: an approval never leaves a broken policy behind
                    throw ValidationException.field("statement", "The policy cannot be created in engine "
                            + asset.policyEngineId() + ": " + String.join("; ", settled.statusReasons()));
                }
                stored = review.withPolicy(policy.policyId());
                created = Optional.of(settled);
            }
            try {
                store.insert(stored);
            } catch (RuntimeException e) {
                if (Jdbc.isUniqueViolation(e)) {
                    throw new ConflictException("Another review of asset " + asset.policyGenerationAssetId()
                            + " was recorded at the same time; read the history and try again");
                }
                throw e;
            }
            audit.append(AuditEntry.of(stored.reviewer(), "ReviewPolicyGenerationAsset", asset.assetArn(),
                    auditDetails(stored), stored.statement()));
            return new ReviewOutcome(stored, created, false);
        });
    }

    private static Map<String, Object> auditDetails(Review r) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reviewId", r.reviewId());
        details.put("decision", r.decision().name());
        r.comment().ifPresent(c -> details.put("comment", c));
        details.put("edited", r.edited());
        if (r.selfApproval()) {
            details.put("selfApproval", true);
        }
        r.difference().ifPresent(d -> details.put("difference", d));
        if (!r.acknowledgedFindings().isEmpty()) {
            details.put("acknowledgedFindings", r.acknowledgedFindings());
        }
        r.policyId().ifPresent(p -> details.put("policyId", p));
        return details;
    }

    /** The approvals since the last rejection or change request (the ones that count towards the policy). */
    private static List<Review> currentRound(List<Review> history) {
        List<Review> round = new ArrayList<>();
        for (Review r : history) {
            if (r.decision() == ReviewDecision.APPROVE) {
                round.add(r);
            } else {
                round.clear();
            }
        }
        return round;
    }

    private static Set<FindingType> nonValid(GeneratedAsset asset) {
        Set<FindingType> types = EnumSet.noneOf(FindingType.class);
        for (Finding f : asset.findings()) {
            if (f.type() != FindingType.VALID) {
                types.add(f.type());
            }
        }
        return types;
    }

    private GeneratedAsset asset(String policyEngineId, String policyGenerationId, String assetId) {
        return assets.find(policyEngineId, policyGenerationId, assetId)
                .filter(a -> a.policyEngineId().equals(policyEngineId))
                .orElseThrow(() -> new ResourceNotFoundException("Policy generation asset " + assetId + " of generation "
                        + policyGenerationId + " not found in policy engine " + policyEngineId));
    }
}
