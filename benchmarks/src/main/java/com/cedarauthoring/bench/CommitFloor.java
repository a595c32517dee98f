package com.cedarauthoring.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The floor under every acknowledged change on PostgreSQL: one durable commit of a one-row insert, from this
 * JVM over the JDBC driver the service uses, in the database the service uses (so with the server's own
 * {@code synchronous_commit} and disk). A CreatePolicy waits for one such commit, a generation's critical
 * path for three (its start, the job engine's pick, its end); the rest of a figure is the service's own.
 */
final class CommitFloor {
    private static final int WARMUP = 50;

    private CommitFloor() {}

    /** {@code n} commits after a short warm-up; nanoseconds each (INSERT + COMMIT round trips included). */
    static long[] measure(String url, String user, String password, int n) throws SQLException {
        String table = "bench_commit_floor_" + ProcessHandle.current().pid();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, at TIMESTAMPTZ NOT NULL)");
            }
            try {
                c.setAutoCommit(false);
                long[] out = new long[n];
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " VALUES (?, now())")) {
                    for (int i = 0; i < WARMUP + n; i++) {
                        long t0 = System.nanoTime();
                        insert.setLong(1, i);
                        insert.executeUpdate();
                        c.commit();
                        if (i >= WARMUP) {
                            out[i - WARMUP] = System.nanoTime() - t0;
                        }
                    }
                }
                return out;
            } finally {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("DROP TABLE " + table);
                }
            }
        }
    }
}
