package com.cedarauthoring.generation;

import com.cedarauthoring.audit.AuditTrail;
import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.explain.DecisionExamples;
import com.cedarauthoring.explain.Explainer;
import com.cedarauthoring.findings.PolicyAnalyzer;
import com.cedarauthoring.gateway.GatewayDirectory;
import com.cedarauthoring.naming.Arns;
import com.cedarauthoring.naming.Ids;
import com.cedarauthoring.policy.EngineDirectory;
import com.cedarauthoring.policy.GeneratedAssets;
import com.cedarauthoring.translate.Translator;
import com.cedarauthoring.store.Database;
import com.cedarauthoring.store.Idempotency;
import java.time.Clock;

/**
 * The generation feature wired together over one database: store, pipeline, worker, durable jobs and
 * service. Closing it stops the job engine (running jobs are picked up again at the next start).
 */
public final class GenerationModule implements AutoCloseable {
    private final JdbcGenerationStore store;
    private final GenerationService service;
    private final GenerationJobs jobs;

    private GenerationModule(JdbcGenerationStore store, GenerationService service, GenerationJobs jobs) {
        this.store = store;
        this.service = service;
        this.jobs = jobs;
    }

    /** Builds and starts the feature. */
    public static GenerationModule start(Database database, AuditTrail audit, Idempotency idempotency,
                                         GatewayDirectory gateways, EngineDirectory engines, Splitter splitter,
                                         Translator translator, Cedar cedar, Arns arns, Ids ids, Clock clock,
                                         GenerationSettings settings) {
        return start(database, audit, idempotency, gateways, engines, splitter, translator, cedar, arns, ids, clock,
                settings, GenerationEvents.NONE);
    }

    /** Builds and starts the feature, reporting outcomes to {@code events}. */
    public static GenerationModule start(Database database, AuditTrail audit, Idempotency idempotency,
                                         GatewayDirectory gateways, EngineDirectory engines, Splitter splitter,
                                         Translator translator, Cedar cedar, Arns arns, Ids ids, Clock clock,
                                         GenerationSettings settings, GenerationEvents events) {
        JdbcGenerationStore store = new JdbcGenerationStore(database.jdbc());
        GenerationPipeline pipeline = new GenerationPipeline(splitter, translator, cedar, new PolicyAnalyzer(cedar),
                new Explainer(cedar), new DecisionExamples(cedar));
        GenerationWorker worker = new GenerationWorker(store, database.transactions(), audit, gateways, pipeline, ids,
                clock, settings, events);
        GenerationJobs jobs = new GenerationJobs(database, worker, settings, clock);
        GenerationService service = new GenerationService(store, audit, idempotency, jobs, gateways, engines, arns, ids,
                clock);
        jobs.start();
        return new GenerationModule(store, service, jobs);
    }

    public GenerationService service() {
        return service;
    }

    /** The job queue as it stands (metrics). */
    public GenerationJobs.Queue queue() {
        return jobs.queue();
    }

    /** For CreatePolicy from an asset (policy feature). */
    public GeneratedAssets assets() {
        return store;
    }

    @Override
    public void close() {
        jobs.close();
    }
}
