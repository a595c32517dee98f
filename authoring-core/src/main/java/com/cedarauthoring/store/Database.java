package com.cedarauthoring.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The service's database: a pooled DataSource whose schema Flyway has brought up to date.
 * Embedded default is an H2 file database in the data directory; PostgreSQL for several instances.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource pool;
    private final TransactionalDataSource dataSource;

    private Database(HikariDataSource pool) {
        this.pool = pool;
        this.dataSource = new TransactionalDataSource(pool);
    }

    /** An H2 file database under {@code dataDir}, created on first use. */
    public static Database embedded(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create data directory " + dataDir + ": " + e.getMessage(), e);
        }
        // WRITE_DELAY=0: H2 otherwise writes commits up to a second later, and a process killed in that
        // second (kill -9) would lose work it had already acknowledged (e.g. an accepted generation).
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("authoring")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0"
                // Row locks (SELECT ... FOR UPDATE, idempotency claims) wait for the holder as on PostgreSQL,
                // rather than failing after H2's default of one second under a burst of requests.
                + ";LOCK_TIMEOUT=10000";
        return open(url, "sa", "", 8);
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
        return new Database(ds);
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

    public Jdbc jdbc() {
        return new Jdbc(dataSource);
    }

    @Override
    public void close() {
        pool.close();
    }
}
