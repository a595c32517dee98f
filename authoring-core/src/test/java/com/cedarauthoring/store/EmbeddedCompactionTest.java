package com.cedarauthoring.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded file does not keep what churn leaves behind: with space reuse off (see {@link EmbeddedFile})
 * every commit appends, and compaction, while running and on close, gives the dead space back.
 */
class EmbeddedCompactionTest {

    @Test
    void churnIsReclaimedWhileRunningAndOnClose(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("authoring.mv.db");
        long grown;
        long compacted;
        try (Database db = Database.embedded(dir, Duration.ofDays(1))) {
            db.jdbc().update("CREATE TABLE churn (id INT PRIMARY KEY, body VARCHAR(4000) NOT NULL)");
            for (int i = 0; i < 10; i++) {
                db.jdbc().update("INSERT INTO churn (id, body) VALUES (?, ?)", i, "");
            }
            for (int i = 0; i < 1_500; i++) { // each UPDATE is one commit: one appended chunk
                db.jdbc().update("UPDATE churn SET body = ? WHERE id = ?", i + "x".repeat(3_000), i % 10);
            }
            grown = Files.size(file);
            db.compact();
            compacted = Files.size(file);
            assertThat(db.jdbc().queryOne("SELECT COUNT(*) FROM churn WHERE LENGTH(body) > 3000", rs -> rs.getInt(1))).contains(10);
        }
        long closed = Files.size(file);
        assertThat(grown).as("1,500 commits of ~3 KB appended").isGreaterThan(4_000_000);
        assertThat(compacted).as("after a compaction while open (grown: %,d)", grown).isLessThan(grown / 2);
        assertThat(closed).as("after close (SHUTDOWN COMPACT)").isLessThan(1_000_000);
        try (Database reopened = Database.embedded(dir, Duration.ofDays(1))) {
            assertThat(reopened.jdbc().queryOne("SELECT COUNT(*) FROM churn WHERE body LIKE '149_x%'", rs -> rs.getInt(1)))
                    .as("the last update of every row survived both compactions").contains(10);
        }
    }
}
