package com.cedarauthoring.generation;

import com.cedarauthoring.audit.AuditEntry;
import com.cedarauthoring.audit.AuditTrail;
import com.cedarauthoring.errors.ResourceNotFoundException;
import com.cedarauthoring.errors.ValidationException;
import com.cedarauthoring.gateway.GatewayDirectory;
import com.cedarauthoring.naming.Arns;
import com.cedarauthoring.naming.Ids;
import com.cedarauthoring.naming.Names;
import com.cedarauthoring.policy.EngineDirectory;
import com.cedarauthoring.policy.EngineRef;
import com.cedarauthoring.store.Idempotency;
import com.cedarauthoring.store.Page;
import com.cedarauthoring.store.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * StartPolicyGeneration, GetPolicyGeneration, ListPolicyGenerations, ListPolicyGenerationAssets.
 * Start validates synchronously, then stores the generation, enqueues its job and appends its audit event in
 * one transaction.
 */
public final class GenerationService {
    public static final int RAW_TEXT_MAX = 2000;

    private final GenerationStore store;
    private final AuditTrail audit;
    private final Idempotency idempotency;
    private final GenerationJobs jobs;
    private final GatewayDirectory gateways;
    private final EngineDirectory engines;
    private final Arns arns;
    private final Ids ids;
    private final Clock clock;

    public GenerationService(GenerationStore store, AuditTrail audit, Idempotency idempotency, GenerationJobs jobs,
                             GatewayDirectory gateways, EngineDirectory engines, Arns arns, Ids ids, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.idempotency = idempotency;
        this.jobs = jobs;
        this.gateways = gateways;
        this.engines = engines;
        this.arns = arns;
        this.ids = ids;
        this.clock = clock;
    }

    public PolicyGeneration start(StartGeneration request) {
        Names.requireValidName("name", request.name());
        if (request.rawText() == null) {
            throw ValidationException.field("content.rawText", "Member must not be null");
        }
        if (request.rawText().isEmpty() || request.rawText().length() > RAW_TEXT_MAX) {
            throw ValidationException.field("content.rawText",
                    "Member must have length between 1 and " + RAW_TEXT_MAX + ", inclusive (value has length "
                            + request.rawText().length() + ")");
        }
        if (request.resourceArn() == null) {
            throw ValidationException.field("resource.arn", "Member must not be null");
        }
        EngineRef engine = engine(request.policyEngineId());
        Map<String, String> fingerprint = Map.of("name", request.name(), "resourceArn", request.resourceArn(),
                "rawText", request.rawText());
        // The generation and its job are stored in the idempotency transaction: both or neither.
        PolicyGeneration generation = idempotency.once(
                Idempotency.Scope.of(Idempotency.Operation.StartPolicyGeneration, engine.policyEngineId()),
                request.clientToken(), fingerprint, PolicyGeneration.class, () -> {
                    if (gateways.schemaByArn(request.resourceArn()).isEmpty()) {
                        throw new ResourceNotFoundException("Gateway " + request.resourceArn() + " was not found. "
                                + "resource.arn must be the ARN of a gateway of this service.");
                    }
                    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                    String id = ids.resourceId(request.name());
                    PolicyGeneration created = new PolicyGeneration(engine.policyEngineId(), id, request.name(),
                            arns.policyGeneration(engine.policyEngineId(), id), request.resourceArn(), request.rawText(),
                            GenerationStatus.GENERATING, List.of(), Optional.empty(), now, now, request.startedBy());
                    store.insert(created);
                    jobs.schedule(id);
                    audit.append(AuditEntry.of(request.startedBy(), "StartPolicyGeneration", created.arn(),
                            Map.of("name", request.name(), "resourceArn", request.resourceArn(),
                                    "rawTextSha256", AuditEntry.sha256(request.rawText())), Optional.empty()));
                    return created;
                });
        jobs.wake();
        return generation;
    }

    /**
     * One indexed read when the generation exists (clients poll this): a generation row names its engine,
     * so the engine is only looked up to say which of the two is missing.
     */
    public PolicyGeneration get(String policyEngineId, String policyGenerationId) {
        return store.find(policyEngineId, policyGenerationId).orElseThrow(() -> {
            engine(policyEngineId);
            return new ResourceNotFoundException(
                    "Policy generation " + policyGenerationId + " was not found in policy engine " + policyEngineId + ".");
        });
    }

    public Page<PolicyGeneration> list(String policyEngineId, PageRequest page) {
        engine(policyEngineId);
        return store.list(policyEngineId, page);
    }

    public Page<Asset> assets(String policyEngineId, String policyGenerationId, PageRequest page) {
        get(policyEngineId, policyGenerationId);
        return store.assets(policyGenerationId, page);
    }

    private EngineRef engine(String policyEngineId) {
        return engines.find(policyEngineId).orElseThrow(() -> new ResourceNotFoundException(
                "Policy engine " + policyEngineId + " was not found."));
    }
}
