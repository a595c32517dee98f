package com.cedarauthoring.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The real PostgreSQL the tests run against: {@code AUTHORING_TEST_PG_URL}, {@code _USER} and
 * {@code _PASSWORD} (environment or system properties), as {@code .ci/postgres.sh start} prints them.
 * Each caller gets a database of its own, so tests and engineers running at once never share tables.
 *
 * <p>Without a reachable server the tests are skipped with a message on a developer machine, and
 * <b>fail</b> when {@code CI=true}: a broken CI setup must be seen, not silently skipped.
 */
public final class TestPostgres {
    private TestPostgres() {}

    /** A fresh, empty database: its JDBC URL and credentials. Dropped by {@link #drop}. */
    public record Db(String url, String user, String password, String name) {
        public Database open(int poolSize) {
            return Database.open(url, user, password, poolSize);
        }
    }

    /** Creates a new database (owned by the test role) or skips/fails as described above. */
    public static Db freshDatabase() {
        String base = setting("AUTHORING_TEST_PG_URL").orElse(null);
        String user = setting("AUTHORING_TEST_PG_USER").orElse("authoring");
        String password = setting("AUTHORING_TEST_PG_PASSWORD").orElse("authoring");
        if (base == null) {
            unavailable("AUTHORING_TEST_PG_URL is not set");
        }
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(base, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            unavailable("cannot create a database on " + base + ": " + e.getMessage());
        }
        int slash = base.lastIndexOf('/');
        int query = base.indexOf('?', slash);
        String url = base.substring(0, slash + 1) + name + (query < 0 ? "" : base.substring(query));
        return new Db(url, user, password, name);
    }

    /** Drops a database made by {@link #freshDatabase} (its connections must be closed). */
    public static void drop(Db db) {
        String base = setting("AUTHORING_TEST_PG_URL").orElseThrow();
        try (Connection c = DriverManager.getConnection(base, db.user(), db.password()); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db.name() + " WITH (FORCE)");
        } catch (SQLException e) {
            // Best effort: a leftover database in a throwaway cluster harms nobody.
        }
    }

    private static void unavailable(String why) {
        String message = "PostgreSQL tests need a server: " + why
                + ". Start one with: eval \"$(bash .ci/postgres.sh start)\" (see README, Running several instances)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message);
        }
        Assumptions.abort(message);
    }

    private static Optional<String> setting(String name) {
        String v = System.getProperty(name, System.getenv(name));
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }
}
