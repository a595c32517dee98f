package com.cedarauthoring.generation;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * Durable generation jobs on db-scheduler over the service's database: one one-time task per
 * generation (instance id and data = generation id) and a recurring deadline sweep. A job of a
 * crashed instance is revived once its heartbeat is stale; a job that keeps failing is given up and
 * its generation fails, so nothing stays GENERATING.
 */
public final class GenerationJobs implements AutoCloseable {
    static final String GENERATE_TASK = "policy-generation";
    static final String SWEEP_TASK = "policy-generation-deadline";

    private final OneTimeTask<String> generate;
    private final SchedulerClient client;
    private final Scheduler scheduler;
    private final Clock clock;

    /** @param dataSource the database's transaction-aware DataSource, so {@link #schedule} joins the caller's transaction */
    public GenerationJobs(DataSource dataSource, GenerationWorker worker, GenerationSettings settings, Clock clock) {
        this.clock = clock;
        this.generate = Tasks.oneTime(GENERATE_TASK, String.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(settings.maxRetries(),
                        new FailureHandler.ExponentialBackoffFailureHandler<>(settings.retryBackoff()),
                        (complete, ops) -> worker.giveUp((String) complete.getExecution().taskInstance.getData(),
                                complete.getCause())))
                .execute((instance, context) -> worker.execute(instance.getData()));
        RecurringTask<Void> sweep = Tasks.recurring(SWEEP_TASK, Schedules.fixedDelay(settings.sweepInterval()))
                .execute((instance, context) -> worker.sweepOverdue());
        this.client = SchedulerClient.Builder.create(dataSource, generate).build();
        this.scheduler = Scheduler.create(dataSource, List.of(generate))
                .startTasks(sweep)
                .threads(settings.threads())
                .pollingInterval(settings.pollingInterval())
                .heartbeatInterval(settings.heartbeat())
                .missedHeartbeatsLimit(4)
                .enableImmediateExecution()
                .shutdownMaxWait(Duration.ofSeconds(5))
                .build();
    }

    /** Enqueues the job of a generation; joins the caller's transaction ({@link com.cedarauthoring.store.Transactions}). */
    public void schedule(String policyGenerationId) {
        client.scheduleIfNotExists(new TaskInstance<>(GENERATE_TASK, policyGenerationId, policyGenerationId), clock.instant());
    }

    /** Asks the job engine to look for due jobs now (after the scheduling transaction committed). */
    public void wake() {
        scheduler.triggerCheckForDueExecutions();
    }

    public void start() {
        scheduler.start();
    }

    @Override
    public void close() {
        scheduler.stop();
    }
}
