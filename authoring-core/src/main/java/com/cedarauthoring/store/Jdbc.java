package com.cedarauthoring.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Thin JDBC helper: parameter binding and row mapping. Keeps the adapters plain SQL that runs unchanged
 * on H2 (PostgreSQL mode) and PostgreSQL. Connections come from the database's one
 * {@link Transactions} implementation, so statements join the caller's transaction when there is one.
 */
public final class Jdbc {
    private final TransactionalDataSource dataSource;
    private final boolean postgreSQL;

    Jdbc(TransactionalDataSource dataSource, boolean postgreSQL) {
        this.dataSource = dataSource;
        this.postgreSQL = postgreSQL;
    }

    /**
     * True on PostgreSQL, false on the embedded H2. Only for a statement that saves a round trip where
     * PostgreSQL has the syntax (a data-modifying {@code WITH}); the portable statements stay the default.
     */
    public boolean isPostgreSQL() {
        return postgreSQL;
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    public interface Work<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work} in one transaction: commit on return, roll back on any exception. Nested calls join. */
    public <T> T inTransaction(Work<T> work) {
        return dataSource.inTransaction(() -> {
            try {
                return work.run();
            } catch (SQLException e) {
                throw new StoreException(e);
            }
        });
    }

    public int update(String sql, Object... params) {
        return withConnection(c -> {
            try (PreparedStatement ps = prepare(c, sql, params)) {
                return ps.executeUpdate();
            }
        });
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        return withConnection(c -> {
            try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        });
    }

    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private <T> T withConnection(Work1<T> work) {
        // Inside a transaction this is the transaction's connection, whose close() is a no-op.
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    @FunctionalInterface
    private interface Work1<T> {
        T run(Connection c) throws SQLException;
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Instant instant) {
                ps.setTimestamp(i + 1, Timestamp.from(instant));
            } else {
                ps.setObject(i + 1, p);
            }
        }
        return ps;
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    /** True when the exception is a unique-constraint violation (SQLState 23505 on both databases). */
    public static boolean isUniqueViolation(RuntimeException e) {
        return hasSqlState(e, "23505");
    }

    /**
     * True when the statement lost a race for a row another transaction holds: a unique violation after
     * waiting (PostgreSQL, 23505), H2's "concurrent update" of the same key (90131) or lock timeout
     * (HYT00), a serialisation failure or deadlock (40001, 40P01). Retrying after the other transaction
     * ended is safe.
     */
    public static boolean isContention(RuntimeException e) {
        return hasSqlState(e, "23505") || hasSqlState(e, "90131") || hasSqlState(e, "HYT00")
                || hasSqlState(e, "40001") || hasSqlState(e, "40P01");
    }

    /** True when the exception is a foreign-key violation (SQLState 23503 on both databases). */
    public static boolean isForeignKeyViolation(RuntimeException e) {
        return hasSqlState(e, "23503");
    }

    private static boolean hasSqlState(RuntimeException e, String state) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof SQLException s && state.equals(s.getSQLState())) {
                return true;
            }
            t = t.getCause();
        }
        return false;
    }
}
