package com.cedarauthoring.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit that is waiting to write its chunk when a compaction begins is acknowledged only once it is
 * where recovery finds it after a kill -9. The interleaving that lost such a commit is set up exactly: a
 * holder keeps H2's store lock, the writer's commit queues for it, then the compaction queues behind the
 * writer; the lock is fair, so on release the writer writes first, while the compaction is under way.
 * Before the fix the compaction had already switched space reuse on (in exclusive mode, which does not
 * stop a statement that is already running), so that chunk went into a hole in the middle of the file
 * and the insert was missing after the "kill". The file as a kill -9 leaves it is a copy taken under the
 * store lock (every chunk H2 wrote is in the file, none half written), opened as after a crash.
 */
class CommitDuringCompactionTest {

    @Test
    void aCommitWaitingWhenTheCompactionBeginsSurvivesAKill(@TempDir Path dir) throws Exception {
        Path live = dir.resolve("live");
        try (Database db = Database.embedded(live, Duration.ofDays(1))) {
            db.jdbc().update("CREATE TABLE big (id INT PRIMARY KEY, body VARCHAR(4000) NOT NULL)");
            db.jdbc().update("CREATE TABLE acked (id INT PRIMARY KEY)");
            // mostly live data, so that H2's compactFile finds nothing worth rewriting and writes no chunk
            // of its own after the writer's
            db.jdbc().inTransaction(() -> {
                for (int i = 0; i < 1_000; i++) {
                    db.jdbc().update("INSERT INTO big (id, body) VALUES (?, ?)", i, "b".repeat(2_000));
                }
                return null;
            });
            db.compact();
            for (int i = 0; i < 5; i++) { // chunks that die entirely: holes in the middle of the file
                db.jdbc().update("UPDATE big SET body = ? WHERE id = 0", i + "u");
            }
            try (Connection c = db.dataSource().getConnection()) {
                MVStore store = EmbeddedFile.store(c).getMvStore();
                CountDownLatch release = new CountDownLatch(1);
                Thread holder = new Thread(() -> store.executeFilestoreOperation(() -> await(release)), "holder");
                holder.start();
                Thread writer = new Thread(() -> db.jdbc().update("INSERT INTO acked (id) VALUES (1)"), "writer");
                Thread compactor = new Thread(db::compact, "compactor");
                try {
                    awaitState(holder, Thread.State.TIMED_WAITING);
                    writer.start();
                    awaitWaitingForStoreLock(writer);
                    compactor.start();
                    awaitWaitingForStoreLock(compactor);
                } finally {
                    release.countDown();
                    for (Thread t : new Thread[] {writer, compactor, holder}) {
                        t.join(TimeUnit.SECONDS.toMillis(30));
                    }
                }
                assertThat(writer.isAlive() || compactor.isAlive()).as("writer or compaction hangs").isFalse();

                Path killed = Files.createDirectories(dir.resolve("killed"));
                store.executeFilestoreOperation(() -> copy(live.resolve("authoring.mv.db"), killed.resolve("authoring.mv.db")));
                String url = "jdbc:h2:file:" + killed.resolve("authoring")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" + EmbeddedFile.SETTINGS;
                try (Connection k = DriverManager.getConnection(url, "sa", "");
                     ResultSet rs = k.createStatement().executeQuery("SELECT COUNT(*) FROM acked")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("the acknowledged insert, after a kill -9").isEqualTo(1);
                }
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitState(Thread t, Thread.State state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (t.getState() != state) {
            assertThat(System.nanoTime()).as("%s reaches %s", t.getName(), state).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    /** Parked in the store lock's queue (H2 offers no way to ask the lock itself). */
    private static void awaitWaitingForStoreLock(Thread t) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(t.getState() == Thread.State.WAITING && Arrays.stream(t.getStackTrace()).anyMatch(f ->
                f.getClassName().equals(MVStore.class.getName()))
                && Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getMethodName().equals("lock")))) {
            assertThat(System.nanoTime()).as("%s waits for the store lock", t.getName()).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
