package com.cedarauthoring.audit;

import com.cedarauthoring.naming.Ids;
import com.cedarauthoring.store.Jdbc;
import com.cedarauthoring.store.Page;
import com.cedarauthoring.store.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The audit trail in the service database (table {@code audit_events}). Appends lock the single
 * {@code audit_chain_head} row (H2 and PostgreSQL alike), so events get gap-free sequence numbers and each
 * links to the one before, even with several service instances. The lock is taken by the update that moves
 * the head on from the head this instance wrote last, when that is still the head (one statement fewer per
 * change; on PostgreSQL that update and the event's insert are one statement), else by
 * {@code SELECT ... FOR UPDATE}.
 * The head also remembers the last hash, so removing the newest events is detected too.
 */
public final class JdbcAuditTrail implements AuditTrail {
    private static final String COLUMNS = "sequence_no, event_id, occurred_at, principal, action, resource_arn, details, "
            + "statement_sha256, previous_hash, hash";
    /** Moves the head on from the guessed head: {@code (new sequence, new hash, guessed sequence, guessed hash)}. */
    private static final String MOVE_HEAD = "UPDATE audit_chain_head SET last_sequence = ?, last_hash = ? WHERE id = 1 "
            + "AND last_sequence = ? AND last_hash = ?";
    private static final int VERIFY_BATCH = 500;

    private final Jdbc jdbc;
    private final Ids ids;
    private final Clock clock;
    // The head this instance wrote last: a guess the next append checks with its conditional update.
    private final AtomicReference<Head> lastWritten = new AtomicReference<>();

    public JdbcAuditTrail(Jdbc jdbc, Ids ids, Clock clock) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public AuditEvent append(AuditEntry entry) {
        return jdbc.inTransaction(() -> {
            // Usually this instance wrote the head last: moving it on from that head takes the head's lock and
            // proves the guess in one statement. Otherwise (another instance appended, or our last append rolled
            // back) nothing was updated, and the head is read under its lock.
            Head guess = lastWritten.get();
            if (guess != null) {
                Link link = link(guess, entry);
                if (appendedAfter(guess, link)) {
                    return link.event();
                }
            }
            Head head = jdbc.queryOne("SELECT last_sequence, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE",
                    rs -> new Head(rs.getLong(1), rs.getString(2))).orElseThrow(
                            () -> new IllegalStateException("audit_chain_head row is missing"));
            Link link = link(head, entry);
            jdbc.update("UPDATE audit_chain_head SET last_sequence = ?, last_hash = ? WHERE id = 1",
                    link.head().sequence(), link.head().hash());
            return insert(link);
        });
    }

    /** The event that follows {@code head}, and the head after it. */
    private Link link(Head head, AuditEntry entry) {
        long sequence = head.sequence() + 1;
        Instant time = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String eventId = ids.resourceId("evt");
        String hash = AuditEvent.hash(sequence, eventId, time, entry.principal(), entry.action(), entry.resourceArn(),
                entry.details(), entry.statementSha256(), head.hash());
        return new Link(new AuditEvent(sequence, eventId, time, entry.principal(), entry.action(), entry.resourceArn(),
                entry.details(), entry.statementSha256(), head.hash(), hash), new Head(sequence, hash));
    }

    /**
     * Moves the head on from {@code guess} and inserts the event, or does nothing when {@code guess} is no longer
     * the head. On PostgreSQL the conditional update and the insert are one statement (the insert selects
     * from the update's RETURNING, so the event is written exactly when the head moved): one round trip fewer per
     * audited change, and each round trip is a wake-up of both processes that the commit waits behind.
     */
    private boolean appendedAfter(Head guess, Link link) {
        Object[] move = {link.head().sequence(), link.head().hash(), guess.sequence(), guess.hash()};
        if (jdbc.isPostgreSQL()) {
            Object[] params = Stream.of(move, values(link.event())).flatMap(Arrays::stream).toArray();
            if (jdbc.update("WITH moved AS (" + MOVE_HEAD + " RETURNING 1) INSERT INTO audit_events (" + COLUMNS
                    + ") SELECT CAST(? AS BIGINT), CAST(? AS VARCHAR), CAST(? AS TIMESTAMP WITH TIME ZONE),"
                    + " CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS TEXT),"
                    + " CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR) FROM moved", params) != 1) {
                return false;
            }
            lastWritten.set(link.head());
            return true;
        }
        if (jdbc.update(MOVE_HEAD, move) != 1) {
            return false;
        }
        insert(link);
        return true;
    }

    /** The event's values in {@link #COLUMNS} order. */
    private static Object[] values(AuditEvent e) {
        return new Object[] {e.sequence(), e.eventId(), e.time(), e.principal(), e.action(), e.resourceArn(), e.details(),
                e.statementSha256().orElse(null), e.previousHash(), e.hash()};
    }

    /** Inserts the event (the head row is already locked and moved on by this transaction). */
    private AuditEvent insert(Link link) {
        jdbc.update("INSERT INTO audit_events (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values(link.event()));
        // Only a guess for the next append: if this transaction rolls back, the next conditional update misses.
        lastWritten.set(link.head());
        return link.event();
    }

    @Override
    public Page<AuditEvent> list(AuditFilter filter, PageRequest page) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_events WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        filter.resourceArn().ifPresent(a -> {
            sql.append(" AND resource_arn = ?");
            params.add(a);
        });
        filter.principal().ifPresent(p -> {
            sql.append(" AND principal = ?");
            params.add(p);
        });
        sql.append(" ORDER BY sequence_no LIMIT ? OFFSET ?");
        params.add(page.maxResults() + 1);
        params.add(page.offset());
        return Page.fromOverfetch(jdbc.query(sql.toString(), JdbcAuditTrail::event, params.toArray()), page);
    }

    @Override
    public Verification verify() {
        Head head = jdbc.queryOne("SELECT last_sequence, last_hash FROM audit_chain_head WHERE id = 1",
                rs -> new Head(rs.getLong(1), rs.getString(2))).orElse(new Head(0, AuditEvent.GENESIS));
        long expectedSequence = 1;
        String previousHash = AuditEvent.GENESIS;
        long read = 0;
        while (true) {
            List<AuditEvent> batch = jdbc.query("SELECT " + COLUMNS + " FROM audit_events WHERE sequence_no >= ? "
                    + "ORDER BY sequence_no LIMIT ?", JdbcAuditTrail::event, expectedSequence, VERIFY_BATCH);
            for (AuditEvent e : batch) {
                read++;
                if (e.sequence() != expectedSequence) {
                    return Verification.broken(read, e.eventId(), "events " + expectedSequence + ".." + (e.sequence() - 1)
                            + " are missing before this event");
                }
                if (!e.previousHash().equals(previousHash)) {
                    return Verification.broken(read, e.eventId(), "previousHash does not match the hash of the event before it");
                }
                if (!e.hash().equals(e.expectedHash())) {
                    return Verification.broken(read, e.eventId(), "the event's content does not match its hash");
                }
                previousHash = e.hash();
                expectedSequence++;
            }
            if (batch.size() < VERIFY_BATCH) {
                break;
            }
        }
        if (expectedSequence - 1 != head.sequence() || !previousHash.equals(head.hash())) {
            return Verification.broken(read, null, "the chain ends at event " + (expectedSequence - 1)
                    + " but " + head.sequence() + " events were appended: the newest events were removed or altered");
        }
        return Verification.ok(read);
    }

    private record Head(long sequence, String hash) {}

    private record Link(AuditEvent event, Head head) {}

    private static AuditEvent event(ResultSet rs) throws SQLException {
        return new AuditEvent(rs.getLong("sequence_no"), rs.getString("event_id"), Jdbc.instant(rs, "occurred_at"),
                rs.getString("principal"), rs.getString("action"), rs.getString("resource_arn"), rs.getString("details"),
                Optional.ofNullable(rs.getString("statement_sha256")), rs.getString("previous_hash"), rs.getString("hash"));
    }
}
