package com.cedarauthoring.generation;

import com.cedarauthoring.cedar.Cedar;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import com.cedarauthoring.store.Database;
import com.cedarauthoring.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * Durable generation jobs on db-scheduler over the service's database: one one-time task per
 * generation (instance id and data = generation id) and a recurring deadline sweep. A job of a
 * crashed instance is revived once its heartbeat is stale; a job that keeps failing is given up and
 * its generation fails, so nothing stays GENERATING. A second recurring task deletes generations past
 * their retention period.
 */
public final class GenerationJobs implements AutoCloseable {
    static final String GENERATE_TASK = "policy-generation";
    static final String SWEEP_TASK = "policy-generation-deadline";
    static final String PURGE_TASK = "policy-generation-retention";

    private final CustomTask<String> generate;
    private final SchedulerClient client;
    private final Scheduler scheduler;
    private final Clock clock;
    private final DataSource dataSource;

    /**
     * Generation jobs waiting for a thread, cluster-wide: how many, and how long the oldest has been due.
     * A growing queue or age means the instances cannot keep up (more instances or generation threads).
     */
    public record Queue(long waiting, Duration oldestWait) {}

    /**
     * Jobs on the database's transaction-aware DataSource, so {@link #schedule} joins the caller's transaction.
     *
     * <p>On PostgreSQL due jobs are picked with db-scheduler's lock-and-fetch: one {@code UPDATE ... FOR UPDATE SKIP
     * LOCKED ... RETURNING} marks a batch picked, so a pick is one round trip and one durable commit for several
     * jobs, and instances sharing the database never fetch the same job only to lose the race for it. H2 has no
     * {@code SKIP LOCKED}; there db-scheduler's default stays (a select, then one optimistic update per job).
     */
    public GenerationJobs(Database database, GenerationWorker worker, GenerationSettings settings, Clock clock) {
        DataSource dataSource = database.dataSource();
        this.clock = clock;
        this.dataSource = dataSource;
        this.generate = Tasks.custom(GENERATE_TASK, String.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(settings.maxRetries(),
                        new FailureHandler.ExponentialBackoffFailureHandler<>(settings.retryBackoff()),
                        (complete, ops) -> worker.giveUp((String) complete.getExecution().taskInstance.getData(),
                                complete.getCause())))
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    GenerationWorker.Ending ending = worker.run(instance.getData());
                    // The job's removal (db-scheduler's own statement, on this DataSource) joins the transaction
                    // that ends the generation: one commit instead of two. Should that transaction fail, the job
                    // stays picked and is revived once its heartbeat is stale, and the run is idempotent.
                    return (complete, ops) -> ending.write(ops::remove);
                });
        RecurringTask<Void> sweep = Tasks.recurring(SWEEP_TASK, Schedules.fixedDelay(settings.sweepInterval()))
                .execute((instance, context) -> worker.sweepOverdue());
        RecurringTask<Void> purge = Tasks.recurring(PURGE_TASK, Schedules.fixedDelay(settings.purgeInterval()))
                .execute((instance, context) -> worker.purgeExpired());
        this.client = SchedulerClient.Builder.create(dataSource, generate).build();
        SchedulerBuilder builder = Scheduler.create(dataSource, List.of(generate));
        if (database.isPostgreSQL()) {
            // Fetch when fewer than half the threads are busy, and at most one job per thread: a picked job then
            // starts at once, never waiting in a queue where db-scheduler would not renew its heartbeat.
            builder.pollUsingLockAndFetch(0.5, 1.0);
        }
        this.scheduler = builder
                .startTasks(sweep, purge)
                .threads(settings.threads())
                // a generation is mostly Cedar calls: on large-stack threads they run inline, no hand-off each
                .executorService(java.util.concurrent.Executors.newFixedThreadPool(settings.threads(),
                        Cedar.largeStackThreads("generation")))
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

    /** Due, unpicked generation jobs (one indexed query on db-scheduler's table). */
    public Queue queue() {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), MIN(execution_time) FROM scheduled_tasks "
                     + "WHERE task_name = ? AND picked = FALSE AND execution_time <= ?")) {
            ps.setString(1, GENERATE_TASK);
            ps.setTimestamp(2, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp oldest = rs.getTimestamp(2);
                Duration age = oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), now);
                return new Queue(rs.getLong(1), age.isNegative() ? Duration.ZERO : age);
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    public void start() {
        scheduler.start();
    }

    @Override
    public void close() {
        scheduler.stop();
    }
}
