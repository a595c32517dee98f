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
 * ({@code SHUTDOWN COMPACT} writes a fresh file and swaps it in) and, while running, by {@link #compact}:
 * space reuse is switched on just for H2's own {@code compactFile}, which moves live chunks to the start
 * and truncates. This reaches into H2's engine classes, which are not a public API; the H2 version is
 * pinned in the parent POM.
 *
 * <p><b>Why the compaction holds the store lock.</b> While reuse is on, a chunk can land in a hole in the
 * middle of the file, where recovery does not find it (see above) as long as it is the newest one. H2's
 * exclusive mode, used here before, only stops statements from starting: a commit already running, or
 * already queued for the store lock, when the compaction switched reuse on wrote its chunk into a hole,
 * and a kill -9 before the next appended chunk lost that acknowledged write (seen as the last write
 * before a kill missing after the restart, its chunk in the middle of the file, the header naming its
 * predecessor; {@code CommitDuringCompactionTest} sets this up exactly). Every chunk write needs the
 * MVStore's store lock, so the compaction holds it from before reuse is switched on until one more chunk
 * has been appended at the end of the file: no commit writes while reuse is on, and a commit that waited
 * returns only once its changes are in a chunk recovery finds. (Such a commit writes no chunk of its own
 * when the compaction's chunks already hold its changes; {@code compactFile} usually leaves its newest
 * chunk at the end of the file, but H2 does not promise it, hence the appended one.) Reads go on
 * meanwhile; commits wait.
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
        try (Connection c = dataSource.getConnection()) {
            Store store = store(c);
            MVStore mvStore = store.getMvStore();
            // the store lock; it is reentrant, so compactFile and commit take it again inside
            mvStore.executeFilestoreOperation(() -> {
                mvStore.setReuseSpace(true);
                try {
                    store.compactFile(maxMillis);
                } finally {
                    mvStore.setReuseSpace(false);
                }
                appendChunk(mvStore);
            });
        }
    }

    /** H2's store behind a connection of the embedded database. */
    static Store store(Connection c) throws SQLException {
        return ((SessionLocal) c.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore();
    }

    /**
     * Writes a chunk at the end of the file even when nothing changed since the last one, so that it is
     * the newest chunk and where recovery looks. The store version is a setting H2's database engine
     * does not use; writing its own value back is a change that needs a chunk and alters nothing.
     */
    private static void appendChunk(MVStore mvStore) {
        mvStore.setStoreVersion(mvStore.getStoreVersion());
        mvStore.commit();
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
