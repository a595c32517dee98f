package com.cedarauthoring.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.db.Store;

/**
 * Keeps the embedded H2 file durable and small.
 *
 * <p><b>Why space reuse is off.</b> H2's MVStore appends each commit as a chunk. Once dead chunks are older
 * than {@code RETENTION_TIME} (45 s by default) their space is reused, so new chunks land in the middle of
 * the file. The file header is only rewritten when a chunk misses the position its predecessor predicted,
 * and it then records the <i>predecessor</i> (H2 2.5.252, {@code RandomAccessStore.writeChunk} runs before
 * {@code lastChunk = c}). After a kill -9, recovery starts at that header chunk, follows the mispredicted
 * pointer into nothing, finds no newer chunk at the end of the file either, and opens the database as of
 * the older chunk: every commit since the last misprediction is gone, though each had been written to the
 * file (the OS keeps it). {@code WRITE_DELAY=0} does not help; a longer retention only postpones it. With
 * {@code REUSE_SPACE=FALSE} every chunk is appended, so the newest chunk is always the last one in the
 * file, where recovery looks for it.
 *
 * <p><b>Why compaction.</b> Without reuse the file only grows, so it is compacted: fully on shutdown
 * ({@code SHUTDOWN COMPACT} writes a fresh file and swaps it in) and, while running, by
 * {@link #compact}: in H2's exclusive mode (other sessions pause, so no commit lands in reused space)
 * space reuse is switched on just for H2's own {@code compactFile}, which moves live chunks to the start,
 * writes the header for the last chunk, syncs and truncates. This reaches into H2's engine classes, which
 * are not a public API; the H2 version is pinned in the parent POM.
 */
final class EmbeddedFile {
    /**
     * URL settings of the embedded database; see the class comment. WRITE_DELAY=0: each commit is written
     * at once. DB_CLOSE_ON_EXIT=FALSE: H2's own shutdown hook would otherwise close the database under the
     * service's hook, before the shutdown compaction.
     */
    static final String SETTINGS = ";WRITE_DELAY=0;REUSE_SPACE=FALSE;DB_CLOSE_ON_EXIT=FALSE";

    private EmbeddedFile() {}

    /** Compacts the file while the database stays open; at most {@code maxMillis} of moving chunks. */
    static void compact(DataSource dataSource, int maxMillis) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            Store store = ((SessionLocal) c.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore();
            MVStore mvStore = store.getMvStore();
            s.execute("SET EXCLUSIVE 1");
            try {
                mvStore.setReuseSpace(true);
                try {
                    store.compactFile(maxMillis);
                } finally {
                    mvStore.setReuseSpace(false);
                }
            } finally {
                s.execute("SET EXCLUSIVE 0");
            }
        }
    }

    /** Closes the database with a full compaction (a fresh file is written and replaces the old one). */
    static void shutdownCompact(DataSource dataSource) throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            try (Statement s = c.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            }
        } finally {
            try {
                c.close();
            } catch (SQLException closedByTheShutdown) {
                // the pool's rollback-on-return fails: the shutdown has already closed every session
            }
        }
    }
}
