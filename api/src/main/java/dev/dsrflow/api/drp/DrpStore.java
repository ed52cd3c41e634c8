package dev.dsrflow.api.drp;

import dev.dsrflow.ledger.LedgerSchema;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * DRP's durable state in the ledger database (migration V8): pair-wise tokens (hashes only),
 * signed messages seen, the agents' requests and the status-callback outbox.
 */
@Singleton
@Requires(property = "dsrflow.drp.business-id")
class DrpStore {
    private static final String T = LedgerSchema.SCHEMA + ".";

    private final DataSource db;

    DrpStore(DataSource db) {
        this.db = db;
    }

    /** Replaces the agent's token (its hash). */
    void saveToken(String agentId, String tokenHash) {
        update(
                "insert into " + T + "drp_tokens (agent_id, token_hash) values (?, ?) on conflict (agent_id)"
                        + " do update set token_hash = excluded.token_hash, created_at = now()",
                agentId,
                tokenHash);
    }

    /** The agent a token (by its hash) was issued to. */
    Optional<String> agentOfToken(String tokenHash) {
        return one("select agent_id from " + T + "drp_tokens where token_hash = ?", tokenHash);
    }

    /**
     * Remembers a message until it expires; false when it was seen before (a replay). Messages
     * long expired are forgotten here too: an expired message is refused before this.
     */
    boolean rememberMessage(String digest, String agentId, Instant expiresAt) {
        update("delete from " + T + "drp_seen_messages where expires_at < now() - interval '1 day'");
        return update(
                        "insert into " + T + "drp_seen_messages (message_hash, agent_id, expires_at) values (?, ?, ?)"
                                + " on conflict do nothing",
                        digest,
                        agentId,
                        Timestamp.from(expiresAt))
                == 1;
    }

    /**
     * Reserves an agent's request id under the draft's placeholder request id; false when the
     * agent used that id before.
     */
    boolean reserve(DrpRequest r) {
        return update(
                        "insert into " + T + "drp_requests (request_id, agent_id, agent_request_id, exercise, regime,"
                                + " status_callback, relied_on_agent, received_at, settled)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                        r.requestId(),
                        r.agentId(),
                        r.agentRequestId(),
                        r.exercise(),
                        r.regime(),
                        r.statusCallback(),
                        r.reliedOnAgent(),
                        Timestamp.from(r.receivedAt()),
                        r.statusCallback() == null)
                == 1;
    }

    /** Gives the reserved row its request id and the status answered at filing. */
    void bind(String placeholder, String requestId, String deniedReason, String answeredStatus, boolean settled) {
        update(
                "update " + T + "drp_requests set request_id = ?, denied_reason = ?, last_status = ?,"
                        + " settled = settled or ? where request_id = ?",
                requestId,
                deniedReason,
                answeredStatus,
                settled,
                placeholder);
    }

    /** Frees a reservation whose filing failed. */
    void release(String placeholder) {
        update("delete from " + T + "drp_requests where request_id = ?", placeholder);
    }

    /** The blob key of a request's JSON access report, once its workflow wrote one. */
    Optional<String> reportBlob(String requestId) {
        return one("select report_blob from " + T + "requests where id = ?", requestId);
    }

    Optional<DrpRequest> find(String requestId) {
        List<DrpRequest> found = requests("where request_id = ?", requestId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * Requests with a callback whose last status was not final, those compared longest ago first;
     * each is marked compared now (and skipped by another process comparing at the same time).
     */
    List<DrpRequest> watched(int limit) {
        return updated(
                "update " + T + "drp_requests set checked_at = now()",
                "where request_id in (select request_id from " + T + "drp_requests where not settled and"
                        + " denied_reason is null and request_id not like 'pending:%' order by checked_at nulls first"
                        + " limit " + limit + " for update skip locked)");
    }

    /**
     * Queues a callback with this status, superseding one of the request's that is still unsent
     * and not being sent, and records it as the request's last status; nothing when the last
     * status is no longer {@code previous} (another process queued the change first).
     */
    void queueCallback(
            String requestId, String previous, String status, String body, Instant giveUpAt, boolean settled) {
        inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("update " + T + "drp_requests set last_status = ?,"
                    + " settled = ? where request_id = ? and last_status is not distinct from ?")) {
                ps.setString(1, body);
                ps.setBoolean(2, settled);
                ps.setString(3, requestId);
                ps.setString(4, previous);
                if (ps.executeUpdate() == 0) {
                    return null;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("update " + T + "drp_callbacks set outcome = 'superseded',"
                    + " done_at = now() where request_id = ? and done_at is null"
                    + " and (claimed_until is null or claimed_until < now())")) {
                ps.setString(1, requestId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into " + T + "drp_callbacks (request_id, status, body, give_up_at) values (?, ?, ?, ?)")) {
                ps.setString(1, requestId);
                ps.setString(2, status);
                ps.setString(3, body);
                ps.setTimestamp(4, Timestamp.from(giveUpAt));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** A callback claimed for sending. */
    record Callback(long id, String requestId, String status, String body, int attempts, Instant giveUpAt) {}

    /** Claims the due callbacks (oldest first, one per request) for {@code hold}. */
    List<Callback> claimDue(Duration hold, int limit) {
        return inTransaction(c -> {
            List<Callback> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("update " + T + "drp_callbacks k set claimed_until = now()"
                    + " + make_interval(secs => ?), attempts = k.attempts + 1 where k.id in (select id from " + T
                    + "drp_callbacks d where done_at is null and next_at <= now() and (claimed_until is null or"
                    + " claimed_until < now()) and not exists (select 1 from " + T + "drp_callbacks e where"
                    + " e.request_id = d.request_id and e.done_at is null and e.id < d.id) order by id limit ?"
                    + " for update skip locked) returning id, request_id, status, body, attempts, give_up_at")) {
                ps.setDouble(1, hold.toMillis() / 1000.0);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Callback(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getInt(5),
                                rs.getTimestamp(6).toInstant()));
                    }
                }
            }
            out.sort(java.util.Comparator.comparingLong(Callback::id));
            return out;
        });
    }

    /** The callback ended: delivered, or abandoned with this outcome. */
    void finish(long id, String outcome) {
        update(
                "update " + T + "drp_callbacks set outcome = ?, done_at = now(), claimed_until = null where id = ?",
                outcome,
                id);
    }

    /** The attempt failed: try again at {@code next}. */
    void retryAt(long id, Instant next, String outcome) {
        update(
                "update " + T + "drp_callbacks set next_at = ?, outcome = ?, claimed_until = null where id = ?",
                Timestamp.from(next),
                outcome,
                id);
    }

    private static final String COLUMNS = "request_id, agent_id, agent_request_id, exercise, regime, status_callback,"
            + " relied_on_agent, denied_reason, received_at, last_status";

    private List<DrpRequest> requests(String where, Object... args) {
        return query("select " + COLUMNS + " from " + T + "drp_requests " + where, args);
    }

    /** The rows {@code update} (a statement up to its where clause) changes where {@code where} holds. */
    private List<DrpRequest> updated(String update, String where) {
        return query(update + " " + where + " returning " + COLUMNS);
    }

    private List<DrpRequest> query(String sql, Object... args) {
        return inTransaction(c -> {
            List<DrpRequest> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new DrpRequest(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getBoolean(7),
                                rs.getString(8),
                                rs.getTimestamp(9).toInstant(),
                                rs.getString(10)));
                    }
                }
            }
            return out;
        });
    }

    private Optional<String> one(String sql, Object... args) {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    private int update(String sql, Object... args) {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, args);
                return ps.executeUpdate();
            }
        });
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    private interface Work<R> {
        R run(Connection c) throws SQLException;
    }

    private <R> R inTransaction(Work<R> work) {
        try (Connection c = db.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                R result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("DRP store: " + e.getMessage(), e);
        }
    }
}
