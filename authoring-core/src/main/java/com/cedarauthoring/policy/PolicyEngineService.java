package com.cedarauthoring.policy;

import com.cedarauthoring.audit.AuditEntry;
import com.cedarauthoring.audit.AuditTrail;
import com.cedarauthoring.errors.ConflictException;
import com.cedarauthoring.identity.Principal;
import com.cedarauthoring.errors.ResourceNotFoundException;
import com.cedarauthoring.errors.ValidationException;
import com.cedarauthoring.naming.Arns;
import com.cedarauthoring.naming.Ids;
import com.cedarauthoring.naming.Names;
import com.cedarauthoring.store.ClientToken;
import com.cedarauthoring.store.Idempotency;
import com.cedarauthoring.store.Page;
import com.cedarauthoring.store.PageRequest;
import com.cedarauthoring.store.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Policy engine lifecycle. Engines need no provisioning here, so a create answers CREATING (as
 * AgentCore's 202 does) while the stored engine is already ACTIVE: the first poll sees it settled.
 */
public final class PolicyEngineService implements EngineDirectory {
    public static final int DESCRIPTION_MAX = 4096;
    /** AgentCore's KmsKeyArn pattern (1-2048 characters). */
    private static final Pattern KMS_KEY_ARN =
            Pattern.compile("arn:aws(|-cn|-us-gov):kms:[a-zA-Z0-9-]*:[0-9]{12}:key/[a-zA-Z0-9-]{36}");

    private final PolicyStore store;
    private final Transactions transactions;
    private final AuditTrail audit;
    private final Idempotency idempotency;
    private final Arns arns;
    private final Ids ids;
    private final Clock clock;

    public PolicyEngineService(PolicyStore store, Transactions transactions, AuditTrail audit, Idempotency idempotency,
                               Arns arns, Ids ids, Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.audit = audit;
        this.idempotency = idempotency;
        this.arns = arns;
        this.ids = ids;
        this.clock = clock;
    }

    /** CreatePolicyEngine without encryption key or tags; the response reports CREATING. */
    public PolicyEngine create(Principal actor, String name, Optional<String> description, Optional<ClientToken> clientToken) {
        return create(actor, name, description, Optional.empty(), Map.of(), clientToken);
    }

    /**
     * CreatePolicyEngine; the response reports CREATING. The tags are stored by the tag feature; they are
     * part of the request here only so that a clientToken reused with other tags is a mismatch.
     */
    public PolicyEngine create(Principal actor, String name, Optional<String> description, Optional<String> encryptionKeyArn,
                               Map<String, String> tags, Optional<ClientToken> clientToken) {
        Names.requireValidName("name", name);
        description.ifPresent(d -> requireDescription("description", d));
        encryptionKeyArn.ifPresent(PolicyEngineService::requireKmsKeyArn);
        Map<String, Object> request = Map.of("name", name, "description", description.orElse(""),
                "encryptionKeyArn", encryptionKeyArn.orElse(""), "tags", new TreeMap<>(tags));
        return idempotency.once(Idempotency.Scope.of(Idempotency.Operation.CreatePolicyEngine), clientToken, request, PolicyEngine.class, () -> {
            String id = ids.resourceId(name);
            Instant now = now();
            PolicyEngine engine = new PolicyEngine(id, name, arns.policyEngine(id), description.orElse(null),
                    encryptionKeyArn.orElse(null), PolicyStatus.ACTIVE, List.of(), now, now);
            store.insertEngine(engine);
            audit.append(AuditEntry.by(actor, "CreatePolicyEngine", engine.policyEngineArn(), Map.of("name", name)));
            return engine.withStatus(PolicyStatus.CREATING);
        });
    }

    public PolicyEngine get(String policyEngineId) {
        return store.findEngine(policyEngineId).orElseThrow(() -> notFound(policyEngineId));
    }

    public Page<PolicyEngine> list(PageRequest page) {
        return store.listEngines(page);
    }

    /**
     * UpdatePolicyEngine: only the description is mutable. The response reports UPDATING. Applied to the
     * latest stored engine under its row lock.
     */
    public PolicyEngine update(Principal actor, String policyEngineId, DescriptionChange description) {
        if (description.changes() && description.value() != null) {
            requireDescription("description", description.value());
        }
        return transactions.inTransaction(() -> {
            PolicyEngine current = store.findEngineForUpdate(policyEngineId).orElseThrow(() -> notFound(policyEngineId));
            PolicyEngine updated = new PolicyEngine(current.policyEngineId(), current.name(), current.policyEngineArn(),
                    description.applyTo(current.description()), current.encryptionKeyArn(), PolicyStatus.ACTIVE, List.of(), current.createdAt(), now());
            store.updateEngine(updated);
            audit.append(AuditEntry.by(actor, "UpdatePolicyEngine", updated.policyEngineArn(),
                    Map.of("name", updated.name(), "descriptionChanged", description.changes())));
            return updated.withStatus(PolicyStatus.UPDATING);
        });
    }

    /**
     * DeletePolicyEngine: refused while a gateway still references the engine (detach it first with
     * UpdateGateway) or the engine has policies. The response reports DELETING.
     */
    public PolicyEngine delete(Principal actor, String policyEngineId) {
        return transactions.inTransaction(() -> {
            PolicyEngine current = store.findEngineForUpdate(policyEngineId).orElseThrow(() -> notFound(policyEngineId));
            List<String> attached = store.gatewaysReferencing(current.policyEngineArn());
            if (!attached.isEmpty()) {
                throw new ConflictException("Policy engine " + policyEngineId + " is still associated with "
                        + attached.size() + (attached.size() == 1 ? " gateway" : " gateways") + " ("
                        + String.join(", ", attached)
                        + "); detach it from every gateway (UpdateGateway without policyEngineConfiguration) first");
            }
            if (!store.deleteEngineIfEmpty(policyEngineId)) {
                throw new ConflictException("Policy engine " + policyEngineId
                        + " still has policies; delete them before deleting the engine");
            }
            audit.append(AuditEntry.by(actor, "DeletePolicyEngine", current.policyEngineArn(), Map.of("name", current.name())));
            return current.withStatus(PolicyStatus.DELETING);
        });
    }

    @Override
    public Optional<EngineRef> find(String policyEngineId) {
        return store.findEngine(policyEngineId).map(PolicyEngine::ref);
    }

    /** Whether an engine of this service has exactly this ARN (for gateways attaching one). */
    public boolean existsWithArn(String policyEngineArn) {
        int slash = policyEngineArn.lastIndexOf('/');
        return slash > 0 && store.findEngine(policyEngineArn.substring(slash + 1))
                .filter(e -> e.policyEngineArn().equals(policyEngineArn)).isPresent();
    }

    static void requireDescription(String field, String value) {
        if (value.isEmpty() || value.length() > DESCRIPTION_MAX) {
            throw ValidationException.field(field, "Member must have length between 1 and " + DESCRIPTION_MAX + ", inclusive");
        }
    }

    private static void requireKmsKeyArn(String value) {
        if (value.isEmpty() || value.length() > 2048 || !KMS_KEY_ARN.matcher(value).matches()) {
            throw ValidationException.field("encryptionKeyArn", "Member must satisfy regular expression pattern: "
                    + KMS_KEY_ARN.pattern());
        }
    }

    static ResourceNotFoundException notFound(String policyEngineId) {
        return new ResourceNotFoundException("Policy engine " + policyEngineId + " not found");
    }

    private Instant now() {
        // The store keeps microseconds at best; answering with what is stored keeps replays and reads identical.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
