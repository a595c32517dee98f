package com.cedarauthoring.generation;

import com.cedarauthoring.audit.AuditEntry;
import com.cedarauthoring.audit.AuditTrail;
import com.cedarauthoring.gateway.GatewayDirectory;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.identity.Principal;
import com.cedarauthoring.naming.Ids;
import com.cedarauthoring.store.Transactions;
import com.cedarauthoring.translate.Provenance;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of one generation job, run by the job engine. Idempotent: a job that runs again (retry,
 * crash recovery) either finds the generation already final and does nothing, or replaces its assets.
 *
 * <p>Finishing a generation (GENERATED, GENERATE_FAILED) and deleting it at the end of its retention append an
 * audit event in the same transaction, by the service ({@link #ACTOR}) on behalf of the principal who started it
 * ({@code details.requestedBy}). The event is appended only by the run whose conditional update left
 * GENERATING (or whose delete removed the row), so a job that runs twice records it exactly once.
 */
public final class GenerationWorker {
    static final String RAW_RESPONSE = "rawResponse";
    private static final Logger log = LoggerFactory.getLogger(GenerationWorker.class);

    /** A translator failure worth retrying; the job engine retries it a bounded number of times. */
    public static final class RetryableFailure extends RuntimeException {
        public RetryableFailure(String reason) {
            super(reason);
        }
    }

    /** Who finishes generations: the service itself, never a principal of the credentials file. */
    public static final Principal ACTOR = Principal.SYSTEM;
    private static final int PURGE_BATCH = 500;

    private final GenerationStore store;
    private final Transactions transactions;
    private final AuditTrail audit;
    private final GatewayDirectory gateways;
    private final GenerationPipeline pipeline;
    private final Ids ids;
    private final Clock clock;
    private final GenerationSettings settings;
    private final GenerationEvents events;

    public GenerationWorker(GenerationStore store, Transactions transactions, AuditTrail audit, GatewayDirectory gateways,
                            GenerationPipeline pipeline, Ids ids, Clock clock, GenerationSettings settings) {
        this(store, transactions, audit, gateways, pipeline, ids, clock, settings, GenerationEvents.NONE);
    }

    public GenerationWorker(GenerationStore store, Transactions transactions, AuditTrail audit, GatewayDirectory gateways,
                            GenerationPipeline pipeline, Ids ids, Clock clock, GenerationSettings settings,
                            GenerationEvents events) {
        this.events = events;
        this.store = store;
        this.transactions = transactions;
        this.audit = audit;
        this.gateways = gateways;
        this.pipeline = pipeline;
        this.ids = ids;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * What a run writes when it ends, in one transaction; {@code jobDone} joins that transaction, so the job
     * engine's removal of the job commits with the generation's end (one commit per generation fewer, and
     * never a finished generation whose job is still there to run again, or the reverse).
     */
    @FunctionalInterface
    public interface Ending {
        void write(Runnable jobDone);
    }

    /**
     * Runs the pipeline for one generation; the returned ending stores its outcome. A retryable translator
     * failure is thrown ({@link RetryableFailure}) for the job engine to retry.
     */
    public Ending run(String policyGenerationId) {
        Optional<PolicyGeneration> found = store.findById(policyGenerationId);
        if (found.isEmpty() || found.get().status() != GenerationStatus.GENERATING) {
            return Runnable::run; // already final: a rerun has nothing to write but the job's removal
        }
        PolicyGeneration generation = found.get();
        if (overdue(generation)) {
            return jobDone -> fail(policyGenerationId, List.of(deadlineReason()), GenerationEvents.Failure.DEADLINE, jobDone);
        }
        Optional<GatewaySchema> schema = gateways.schemaByArn(generation.resourceArn());
        if (schema.isEmpty()) {
            List<String> reasons = List.of("Gateway " + generation.resourceArn()
                    + " no longer exists. Start a new generation for an existing gateway.");
            return jobDone -> fail(policyGenerationId, reasons, GenerationEvents.Failure.GATEWAY_DELETED, jobDone);
        }
        PipelineOutcome outcome = pipeline.run(generation.rawText(), schema.get());
        if (outcome instanceof PipelineOutcome.Failed failed) {
            if (failed.retryable()) {
                throw new RetryableFailure(failed.reason());
            }
            return jobDone -> fail(policyGenerationId, List.of(failed.reason()), GenerationEvents.Failure.PIPELINE, jobDone);
        }
        List<Asset> assets = new ArrayList<>();
        for (AssetDraft draft : ((PipelineOutcome.Completed) outcome).assets()) {
            assets.add(compact(draft.withId(ids.resourceId("asset"))));
        }
        return jobDone -> complete(generation, assets, jobDone);
    }

    private void complete(PolicyGeneration generation, List<Asset> assets, Runnable jobDone) {
        boolean completed = transactions.inTransaction(() -> {
            jobDone.run();
            if (!store.complete(generation.policyGenerationId(), assets, now())) {
                return false;
            }
            Map<String, Object> details = details(generation, GenerationStatus.GENERATED);
            details.put("assets", assets.size());
            audit.append(AuditEntry.by(ACTOR, "CompletePolicyGeneration", generation.arn(), details));
            return true;
        });
        if (completed) {
            events.generated(assets);
        } else {
            log.info("Generation {} was finished elsewhere (deadline or another run); result discarded",
                    generation.policyGenerationId());
        }
    }

    /**
     * What an asset keeps: everything a reviewer sees, but the model's raw answer (up to tens of KB per
     * asset, already parsed into the asset) only when the operator asked for it.
     */
    private Asset compact(Asset asset) {
        Provenance p = asset.provenance();
        if (settings.keepModelResponses() || !p.details().containsKey(RAW_RESPONSE)) {
            return asset;
        }
        Map<String, String> details = new LinkedHashMap<>(p.details());
        details.remove(RAW_RESPONSE);
        return new Asset(asset.policyGenerationAssetId(), asset.cedar(), asset.rawTextFragment(), asset.span(),
                asset.findings(), asset.explanation(), asset.examples(),
                new Provenance(p.translator(), p.modelId(), p.promptVersion(), p.promptSha256(), p.attempts(), details),
                asset.alignment());
    }

    /** Deletes generations older than the retention period (a recurring job). */
    public void purgeExpired() {
        Instant cutoff = now().minus(settings.retention());
        int deleted = 0;
        while (true) {
            List<PolicyGeneration> batch = transactions.inTransaction(() -> {
                List<PolicyGeneration> gone = store.deleteFinishedBefore(cutoff, PURGE_BATCH);
                for (PolicyGeneration g : gone) {
                    Map<String, Object> details = details(g, g.status());
                    details.put("reason", "retention of " + settings.retention() + " elapsed");
                    audit.append(AuditEntry.by(ACTOR, "DeletePolicyGeneration", g.arn(), details));
                }
                return gone;
            });
            deleted += batch.size();
            if (batch.size() < PURGE_BATCH) {
                break;
            }
        }
        if (deleted > 0) {
            log.info("Deleted {} generation(s) older than the retention period of {}", deleted, settings.retention());
        }
    }

    /** The job engine gave up after its retries: the generation fails with the last reason. */
    public void giveUp(String policyGenerationId, Optional<Throwable> cause) {
        String reason = cause.filter(c -> c instanceof RetryableFailure).map(Throwable::getMessage)
                .orElse("The generation failed after " + (settings.maxRetries() + 1)
                        + " attempts because of an internal error. Try again later.");
        cause.filter(c -> !(c instanceof RetryableFailure))
                .ifPresent(c -> log.error("Generation {} failed", policyGenerationId, c));
        fail(policyGenerationId, List.of(reason), GenerationEvents.Failure.RETRIES_EXHAUSTED);
    }

    /** Fails every generation still GENERATING past the deadline. Returns how many were failed. */
    public int sweepOverdue() {
        Instant cutoff = now().minus(settings.deadline());
        int failed = 0;
        for (String id : store.generatingCreatedBefore(cutoff, 500)) {
            if (fail(id, List.of(deadlineReason()), GenerationEvents.Failure.DEADLINE)) {
                failed++;
            }
        }
        if (failed > 0) {
            log.warn("{} generation(s) did not finish within {} and were marked GENERATE_FAILED", failed, settings.deadline());
        }
        return failed;
    }

    private boolean fail(String policyGenerationId, List<String> reasons, GenerationEvents.Failure why) {
        return fail(policyGenerationId, reasons, why, () -> { });
    }

    /** Fails the generation if it is still GENERATING; only the call that fails it reports it. */
    private boolean fail(String policyGenerationId, List<String> reasons, GenerationEvents.Failure why, Runnable jobDone) {
        boolean failed = transactions.inTransaction(() -> {
            jobDone.run();
            Optional<PolicyGeneration> generation = store.findById(policyGenerationId);
            if (generation.isEmpty() || !store.fail(policyGenerationId, reasons, now())) {
                return false;
            }
            Map<String, Object> details = details(generation.get(), GenerationStatus.GENERATE_FAILED);
            details.put("failure", why.name());
            details.put("statusReasons", reasons);
            audit.append(AuditEntry.by(ACTOR, "CompletePolicyGeneration", generation.get().arn(), details));
            return true;
        });
        if (failed) {
            events.failed(why);
        }
        return failed;
    }

    private static Map<String, Object> details(PolicyGeneration g, GenerationStatus status) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("requestedBy", g.startedBy());
        details.put("policyEngineId", g.policyEngineId());
        details.put("name", g.name());
        details.put("status", status.name());
        return details;
    }

    private boolean overdue(PolicyGeneration g) {
        return !now().isBefore(g.createdAt().plus(settings.deadline()));
    }

    private String deadlineReason() {
        return "The generation did not finish within " + settings.deadline().toSeconds()
                + " seconds. Start it again; if it keeps failing, shorten the text or split it into several generations.";
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
