package com.cedarauthoring.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.naming.Ids;
import com.cedarauthoring.store.Database;
import com.cedarauthoring.store.PageRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit trail's chain against the real embedded database: appends, filters, and every kind of tampering. */
class JdbcAuditTrailTest {
    @TempDir
    Path dir;
    Database database;
    JdbcAuditTrail trail;

    @BeforeEach
    void open() {
        database = Database.embedded(dir);
        trail = new JdbcAuditTrail(database.jdbc(), Ids.seeded(7), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        database.close();
    }

    private AuditEvent append(String principal, String resource) {
        return trail.append(AuditEntry.of(principal, "Test", resource, Map.of("n", 1), Optional.of("permit(principal, action, resource);")));
    }

    @Test
    void appendsChainAndFilter() {
        AuditEvent a = append("alice", "arn:a");
        AuditEvent b = append("rita", "arn:b");
        append("alice", "arn:b");
        assertThat(a.previousHash()).isEqualTo(AuditEvent.GENESIS);
        assertThat(b.previousHash()).isEqualTo(a.hash());
        assertThat(a.statementSha256()).hasValue(AuditEntry.sha256("permit(principal, action, resource);"));
        assertThat(trail.list(new AuditFilter(Optional.of("arn:b"), Optional.empty()), PageRequest.first(10)).items()).hasSize(2);
        assertThat(trail.list(new AuditFilter(Optional.of("arn:b"), Optional.of("alice")), PageRequest.first(10)).items()).hasSize(1);
        var page = trail.list(AuditFilter.none(), PageRequest.first(2));
        assertThat(page.items()).hasSize(2);
        assertThat(page.nextToken()).isPresent();
        assertThat(trail.verify()).isEqualTo(Verification.ok(3));
    }

    @Test
    void alteredDetailsAreDetectedAtThatEvent() {
        append("alice", "arn:a");
        AuditEvent second = append("alice", "arn:a");
        append("alice", "arn:a");
        database.jdbc().update("UPDATE audit_events SET details = '{\"n\":2}' WHERE sequence_no = 2");
        Verification v = trail.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBrokenEventId()).hasValue(second.eventId());
    }

    @Test
    void aRecomputedHashStillBreaksTheNextLink() {
        append("alice", "arn:a");
        append("alice", "arn:a");
        AuditEvent third = append("alice", "arn:a");
        // a forger who rewrites event 2 and its hash consistently still leaves event 3 pointing at the old hash
        database.jdbc().update("UPDATE audit_events SET principal = 'mallory', hash = ? WHERE sequence_no = 2", "f".repeat(64));
        assertThat(trail.verify().firstBrokenEventId()).isPresent();
        database.jdbc().update("UPDATE audit_events SET hash = ? WHERE sequence_no = 2",
                trail.list(AuditFilter.none(), PageRequest.first(10)).items().get(1).expectedHash());
        assertThat(trail.verify().firstBrokenEventId()).hasValue(third.eventId());
    }

    @Test
    void removingTheNewestEventIsDetectedByTheHead() {
        append("alice", "arn:a");
        append("alice", "arn:a");
        database.jdbc().update("DELETE FROM audit_events WHERE sequence_no = 2");
        Verification v = trail.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.problem().orElseThrow()).contains("newest events were removed");
    }

    @Test
    void concurrentAppendsKeepOneUnbrokenChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String who = "p" + t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        append(who, "arn:c");
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(trail.verify()).isEqualTo(Verification.ok(40));
    }
}
