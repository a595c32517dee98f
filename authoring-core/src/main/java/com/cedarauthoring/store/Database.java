package com.cedarauthoring.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's database: a pooled DataSource whose schema Flyway has brought up to date.
 * Embedded default is an H2 file database in the data directory; PostgreSQL for several instances.
 */
public final class Database implements AutoCloseable {
    static final Duration DEFAULT_COMPACT_EVERY = Duration.ofMinutes(10);
    // H2's budget for moving chunks; the pause commits see is longer: 1-3 s measured
    private static final int COMPACT_MILLIS = 2_000;
    // a stat() of the file: cheap enough to tell a quiet moment from a busy one
    private static final Duration GROWTH_CHECK = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource pool;
    private final TransactionalDataSource dataSource;
    private final boolean postgreSQL;
    // set only for the embedded file database
    private ScheduledExecutorService compaction;
    private Path embeddedFile;
    private volatile long sizeAfterCompaction;
    private volatile long lastCompaction;
    private volatile long sizeAtLastCheck;

    private Database(HikariDataSource pool, boolean postgreSQL) {
        this.pool = pool;
        this.dataSource = new TransactionalDataSource(pool);
        this.postgreSQL = postgreSQL;
    }

    /** An H2 file database under {@code dataDir}, created on first use, compacted as it grows (at least every 10 minutes). */
    public static Database embedded(Path dataDir) {
        return embedded(dataDir, DEFAULT_COMPACT_EVERY);
    }

    /**
     * An H2 file database under {@code dataDir}. Every acknowledged commit survives kill -9 (see
     * {@link EmbeddedFile} for why space reuse is off); the file is compacted when it has doubled since the
     * last compaction, at least every {@code compactEvery} while it grows, and on {@link #close()}.
     */
    public static Database embedded(Path dataDir, Duration compactEvery) {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create data directory " + dataDir + ": " + e.getMessage(), e);
        }
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("authoring")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" + EmbeddedFile.SETTINGS
                // Row locks (SELECT ... FOR UPDATE, idempotency claims) wait for the holder as on PostgreSQL,
                // rather than failing after H2's default of one second under a burst of requests.
                + ";LOCK_TIMEOUT=10000"
                // H2 re-parses any statement missing from its per-session cache (8 by default), and parsing SQL
                // costs more than running these indexed statements; the service and db-scheduler use ~60.
                + ";QUERY_CACHE_SIZE=256";
        Database db = open(url, "sa", "", 8);
        db.scheduleCompaction(dataDir.resolve("authoring.mv.db"), compactEvery);
        return db;
    }

    /** Any JDBC URL this service supports ({@code jdbc:h2:...} or {@code jdbc:postgresql:...}). */
    public static Database open(String jdbcUrl, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("authoring");
        HikariDataSource ds = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds, jdbcUrl.startsWith("jdbc:postgresql:"));
    }

    /**
     * The database as a DataSource that joins {@link #transactions()} (for libraries such as db-scheduler
     * whose writes must commit with ours).
     */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The one transaction mechanism of this database. */
    public Transactions transactions() {
        return dataSource;
    }

    /**
     * Publishes the connection pool's meters ({@code hikaricp_connections_active}, {@code _pending},
     * {@code _acquire_seconds}...) to a Micrometer {@code MeterRegistry}. Typed {@code Object} as
     * Hikari's own setter is, so the store does not depend on a metrics library.
     */
    public void publishPoolMetrics(Object meterRegistry) {
        pool.setMetricRegistry(meterRegistry);
    }

    /** Whether this is PostgreSQL (a {@code jdbc:postgresql:} URL) rather than H2. */
    public boolean isPostgreSQL() {
        return postgreSQL;
    }

    public Jdbc jdbc() {
        return new Jdbc(dataSource, postgreSQL);
    }

    /**
     * Compacts the embedded file now (also done periodically and on close); no-op for PostgreSQL. One at
     * a time: they would only queue for H2's store lock.
     */
    public synchronized void compact() {
        if (embeddedFile == null || pool.isClosed()) {
            return;
        }
        try {
            long before = fileSize();
            long started = System.nanoTime();
            EmbeddedFile.compact(pool, COMPACT_MILLIS);
            sizeAfterCompaction = fileSize();
            lastCompaction = System.nanoTime();
            // every commit waits while the file is compacted: the line an operator needs to explain a latency spike
            log.info("Compacted the embedded database from {} to {} KiB in {} ms (commits waited meanwhile)",
                    before / 1024, sizeAfterCompaction / 1024, (lastCompaction - started) / 1_000_000);
        } catch (SQLException | RuntimeException e) {
            log.warn("Compaction of the embedded database failed; it is retried later", e);
        }
    }

    /** Checked every second; see {@link CompactionPolicy} for when the file is compacted. */
    private void compactIfGrown(Duration every) {
        long size = fileSize();
        Duration sinceLast = Duration.ofNanos(System.nanoTime() - lastCompaction);
        boolean compact = CompactionPolicy.shouldCompact(size, sizeAtLastCheck, sizeAfterCompaction, sinceLast, every);
        sizeAtLastCheck = size;
        if (compact) {
            compact();
            sizeAtLastCheck = fileSize();
        }
    }

    private long fileSize() {
        try {
            return embeddedFile == null ? 0 : Files.size(embeddedFile);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private void scheduleCompaction(Path file, Duration every) {
        embeddedFile = file;
        sizeAfterCompaction = fileSize();
        lastCompaction = System.nanoTime();
        compaction = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "h2-compaction");
            t.setDaemon(true);
            return t;
        });
        long check = Math.min(every.toMillis(), GROWTH_CHECK.toMillis());
        compaction.scheduleWithFixedDelay(() -> compactIfGrown(every), check, check, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (compaction != null) {
            compaction.shutdownNow();
            try {
                compaction.awaitTermination(10, TimeUnit.SECONDS);
                EmbeddedFile.shutdownCompact(pool);
            } catch (SQLException e) {
                log.warn("Compaction on shutdown failed; the database is closed uncompacted", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        pool.close();
    }
}
