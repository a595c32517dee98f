package com.cedarauthoring.policy;

import com.cedarauthoring.errors.ConflictException;
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

/**
 * Policy engine lifecycle. Engines need no provisioning here, so a create answers CREATING (as
 * AgentCore's 202 does) while the stored engine is already ACTIVE: the first poll sees it settled.
 */
public final class PolicyEngineService implements EngineDirectory {
    public static final int DESCRIPTION_MAX = 4096;

    private final PolicyStore store;
    private final Transactions transactions;
    private final Idempotency idempotency;
    private final Arns arns;
    private final Ids ids;
    private final Clock clock;

    public PolicyEngineService(PolicyStore store, Transactions transactions, Idempotency idempotency, Arns arns, Ids ids,
                               Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.idempotency = idempotency;
        this.arns = arns;
        this.ids = ids;
        this.clock = clock;
    }

    /** CreatePolicyEngine; the response reports CREATING. */
    public PolicyEngine create(String name, Optional<String> description, Optional<ClientToken> clientToken) {
        Names.requireValidName("name", name);
        description.ifPresent(d -> requireDescription("description", d));
        Map<String, Object> request = Map.of("name", name, "description", description.orElse(""));
        return idempotency.once(Idempotency.Scope.of(Idempotency.Operation.CreatePolicyEngine), clientToken, request, PolicyEngine.class, () -> {
            String id = ids.resourceId(name);
            Instant now = now();
            PolicyEngine engine = new PolicyEngine(id, name, arns.policyEngine(id), description.orElse(null),
                    PolicyStatus.ACTIVE, List.of(), now, now);
            store.insertEngine(engine);
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
    public PolicyEngine update(String policyEngineId, DescriptionChange description) {
        if (description.changes() && description.value() != null) {
            requireDescription("description", description.value());
        }
        return transactions.inTransaction(() -> {
            PolicyEngine current = store.findEngineForUpdate(policyEngineId).orElseThrow(() -> notFound(policyEngineId));
            PolicyEngine updated = new PolicyEngine(current.policyEngineId(), current.name(), current.policyEngineArn(),
                    description.applyTo(current.description()), PolicyStatus.ACTIVE, List.of(), current.createdAt(), now());
            store.updateEngine(updated);
            return updated.withStatus(PolicyStatus.UPDATING);
        });
    }

    /** DeletePolicyEngine: refused while the engine has policies. The response reports DELETING. */
    public PolicyEngine delete(String policyEngineId) {
        PolicyEngine current = get(policyEngineId);
        if (!store.deleteEngineIfEmpty(policyEngineId)) {
            throw new ConflictException("Policy engine " + policyEngineId
                    + " still has policies; delete them before deleting the engine");
        }
        return current.withStatus(PolicyStatus.DELETING);
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

    static ResourceNotFoundException notFound(String policyEngineId) {
        return new ResourceNotFoundException("Policy engine " + policyEngineId + " not found");
    }

    private Instant now() {
        // The store keeps microseconds at best; answering with what is stored keeps replays and reads identical.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
