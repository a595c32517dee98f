package com.cedarauthoring.store;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The {@link Transactions} of one database: a DataSource that hands out the current thread's
 * transaction connection while {@link #inTransaction} runs, and a fresh pooled one otherwise. Every
 * store ({@link Jdbc}) and db-scheduler use this one instance, so any work they do inside a
 * transaction commits or rolls back together (an accepted generation always has its job; an
 * idempotency record always has its resource; a generation's end and its job's removal). Only the
 * transaction's owner commits: a participant's commit, rollback or auto-commit switch on the bound
 * connection is ignored, because db-scheduler's own statements (its job removal) commit connections that
 * have auto-commit off, which would commit the owner's work half-way. A participant that fails throws,
 * and the owner rolls everything back.
 */
final class TransactionalDataSource implements DataSource, Transactions {
    private final DataSource delegate;
    // Per instance, not static: it only binds connections of this data source. Holds the transaction's
    // connection wrapped once (close() is a no-op), not per statement.
    private final ThreadLocal<Connection> bound = new ThreadLocal<>();

    TransactionalDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    /** Runs {@code work} in one transaction; nested calls join the outer one. */
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (bound.get() != null) {
            return work.get();
        }
        try (Connection c = delegate.getConnection()) {
            c.setAutoCommit(false);
            bound.set(unclosable(c));
            try {
                T result = work.get();
                c.commit();
                return result;
            } catch (RuntimeException | Error e) {
                c.rollback();
                throw e;
            } finally {
                bound.remove();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection c = bound.get();
        return c == null ? delegate.getConnection() : c;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Connection c = bound.get();
        return c == null ? delegate.getConnection(username, password) : c;
    }

    private static Connection unclosable(Connection c) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close":
                            return null; // the transaction owner closes it
                        case "commit", "setAutoCommit":
                            return null; // the transaction owner commits, once, at its end
                        case "rollback":
                            if (args == null) {
                                return null; // the participant throws; the owner rolls the whole transaction back
                            }
                            break; // to a savepoint: the participant's own nested work
                        case "isClosed":
                            return c.isClosed();
                        default:
                            break;
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || delegate.isWrapperFor(iface);
    }
}
