package dev.dsrflow.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.dsrflow.certificate.EvidenceJson;
import dev.dsrflow.certificate.SignedEvidence;
import dev.dsrflow.certificate.SigningKeys;
import dev.dsrflow.identity.ResolvedSubject;
import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.model.RequestStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Writes the request ledger in PostgreSQL. Every write is one transaction and idempotent:
 * filing honours the idempotency key, snapshots only move forward by revision, and events are
 * keyed by their writer-chosen id and chained by hash in arrival order.
 */
public final class LedgerStore {
    private static final String T = LedgerSchema.SCHEMA + ".";
    private static final String FINAL = LedgerSchema.FINAL_STATUSES;

    private final DataSource dataSource;
    private final SigningKeys headKeys;
    private final ObjectMapper json;
    private volatile LedgerObserver observer = LedgerObserver.NONE;

    /**
     * @param headKeys the certificate keys: each request's chain head is signed with them whenever
     *     an event is appended
     */
    public LedgerStore(DataSource dataSource, SigningKeys headKeys) {
        this.dataSource = dataSource;
        this.headKeys = headKeys;
        this.json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** Tells {@code observer} what every later write commits (metrics). */
    public void observe(LedgerObserver observer) {
        this.observer = observer == null ? LedgerObserver.NONE : observer;
    }

    /**
     * Files a new request (status RECEIVED, event FILED), or finds the one its key names. The
     * request, its subject keys and its first event go in one statement; the commit is flushed to
     * disk before this returns whatever the server's default, so an answered filing is never lost.
     */
    public FilingOutcome file(NewRequest request) {
        RequestSpec spec = request.spec();
        FilingOutcome outcome = inTransaction("file", c -> {
            durableCommit(c);
            if (request.idempotencyKey() != null) {
                Optional<FilingOutcome> earlier = byIdempotencyKey(c, request);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            Instant at = spec.receivedAt().truncatedTo(ChronoUnit.MICROS);
            String detail = spec.type() + " request filed under " + spec.jurisdiction();
            String hash =
                    EventChain.hash(EventChain.GENESIS, spec.id(), 1, at, spec.requestedBy(), "FILED", null, detail);
            try (PreparedStatement ps = c.prepareStatement("with r as (insert into " + T + "requests (id, type, status,"
                    + " jurisdiction, subject_key, received_at, requested_by, spec_ciphertext,"
                    + " idempotency_key, request_hash,"
                    + " head_seq, head_hash, head_jws, contact_ciphertext)"
                    + " values (?,?,?,?,?,?,?,?,?,?,1,?,?,?) on conflict do nothing returning id),"
                    + " k as (insert into " + T + "request_subject_keys (request_id, subject_key)"
                    + " select distinct r.id, key from r, unnest(?::text[]) as key),"
                    + " e as (insert into " + T
                    + "request_events (request_id, seq, event_id, at, actor, kind, product, detail,"
                    + " prev_hash, hash) select r.id, 1, ?, ?, ?, 'FILED', null, ?, ?, ? from r)"
                    + " select count(*) from r")) {
                ps.setString(1, spec.id());
                ps.setString(2, spec.type().name());
                ps.setString(3, RequestStatus.RECEIVED.name());
                ps.setString(4, spec.jurisdiction().name());
                ps.setString(5, spec.subjectKey());
                ps.setTimestamp(6, Timestamp.from(spec.receivedAt()));
                ps.setString(7, spec.requestedBy());
                ps.setBytes(8, request.specCiphertext());
                ps.setString(9, request.idempotencyKey());
                ps.setString(10, request.requestHash());
                ps.setString(11, hash);
                ps.setString(12, signHead(spec.id(), 1, hash));
                ps.setBytes(13, request.contactCiphertext());
                ps.setArray(14, c.createArrayOf("text", request.subjectKeys().toArray()));
                ps.setString(15, spec.id() + ":filed");
                ps.setTimestamp(16, Timestamp.from(at));
                ps.setString(17, spec.requestedBy());
                ps.setString(18, detail);
                ps.setString(19, EventChain.GENESIS);
                ps.setString(20, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        // lost a race on the idempotency key (or the id): answer as the winner did
                        c.rollback();
                        return byIdempotencyKey(c, request)
                                .orElseThrow(() -> new IllegalStateException("request id collision"));
                    }
                }
            }
            return new FilingOutcome(FilingOutcome.Kind.CREATED, spec.id());
        });
        if (outcome.kind() == FilingOutcome.Kind.CREATED) {
            observer.filed(spec);
        }
        return outcome;
    }

    /**
     * The transaction's commit waits for its WAL flush even where the server's default does not
     * (the embedded PostgreSQL runs with {@code synchronous_commit=off}).
     */
    private static void durableCommit(Connection c) throws SQLException {
        try (java.sql.Statement st = c.createStatement()) {
            st.execute("set local synchronous_commit to on");
        }
    }

    /** Stores a snapshot (if newer than the stored one) and appends events not yet stored. */
    public void record(LedgerEntry entry) {
        RequestSnapshot s = entry.snapshot();
        Recorded recorded = inTransaction("record", c -> {
            // the status before this write comes back with the update (for metrics: a request ends once)
            try (PreparedStatement ps = c.prepareStatement("with old as (select id, status from " + T
                    + "requests where id=? for update) update " + T + "requests r set status=?, due_at=?, extended=?,"
                    + " approved_by=?, grace_ends_at=?, hold_expires_at=?, completed_at=?,"
                    + " download=?::jsonb, report_blob=?,"
                    + " certificate=?, grace_configured_end=?, revision=?, updated_at=now() from old"
                    + " where r.id = old.id and r.revision < ?"
                    + " returning old.status")) {
                ps.setString(1, s.id());
                ps.setString(2, s.status().name());
                setInstant(ps, 3, s.dueAt());
                ps.setBoolean(4, s.extended());
                ps.setString(5, s.approvedBy());
                setInstant(ps, 6, s.graceEndsAt());
                setInstant(ps, 7, s.holdExpiresAt());
                setInstant(ps, 8, s.completedAt());
                ps.setString(9, s.download() == null ? null : write(s.download()));
                ps.setString(10, s.reportBlob());
                ps.setString(11, s.certificate());
                setInstant(ps, 12, s.graceConfiguredEnd());
                ps.setLong(13, s.revision());
                ps.setLong(14, s.revision());
                RequestStatus previous = null;
                try (ResultSet rs = ps.executeQuery()) { // and so the row is locked by this transaction
                    if (rs.next()) {
                        previous = RequestStatus.valueOf(rs.getString(1));
                    }
                }
                boolean updated = previous != null;
                if (updated && s.products() != null) {
                    upsertProducts(c, s);
                }
                if (updated && s.subjectKeys() != null && resolves(entry)) {
                    addSubjectKeys(c, s);
                }
                return new Recorded(previous, appendEvents(c, s.id(), entry.events(), updated));
            }
        });
        observer.recorded(s, recorded.previous(), recorded.stored());
    }

    /** Whether the entry records the subject's resolution (the one write whose keys are new). */
    private static boolean resolves(LedgerEntry entry) {
        return entry.events().stream().anyMatch(e -> ResolvedSubject.RESOLVED_EVENT.equals(e.kind()));
    }

    /** Keeps every key the resolved subject has (keys already there, filed or resolved before, stay as they are). */
    private static void addSubjectKeys(Connection c, RequestSnapshot s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into " + T
                + "request_subject_keys (request_id, subject_key, source) select ?, key, 'RESOLVED'"
                + " from unnest(?::text[]) as key on conflict do nothing")) {
            ps.setString(1, s.id());
            ps.setArray(2, c.createArrayOf("text", s.subjectKeys().toArray()));
            ps.executeUpdate();
        }
    }

    /** Every subject key of the request, filed and resolved: its filed key first, then in key order. */
    public List<String> subjectKeys(String requestId) {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("select k.subject_key from " + T + "request_subject_keys k"
                    + " join " + T + "requests r on r.id = k.request_id where k.request_id = ?"
                    + " order by k.subject_key <> r.subject_key, k.subject_key")) {
                ps.setString(1, requestId);
                List<String> keys = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        keys.add(rs.getString(1));
                    }
                }
                return keys;
            }
        });
    }

    private record Recorded(RequestStatus previous, List<LedgerEvent> stored) {}

    /** A request's events in order and its signed head, read in one transaction; empty for an unknown request. */
    public Optional<RequestHistory> history(String requestId) {
        return inTransaction(c -> {
            SignedHead head;
            try (PreparedStatement ps = c.prepareStatement(
                    "select head_seq, head_hash, head_jws from " + T + "requests where id=? for share")) {
                ps.setString(1, requestId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    head = rs.getString(2) == null
                            ? null
                            : new SignedHead(rs.getLong(1), rs.getString(2), rs.getString(3));
                }
            }
            return Optional.of(new RequestHistory(requestId, events(c, requestId), head));
        });
    }

    /** A request's events in order. */
    public List<StoredEvent> events(String requestId) {
        return inTransaction(c -> events(c, requestId));
    }

    private static List<StoredEvent> events(Connection c, String requestId) throws SQLException {
        List<StoredEvent> out = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("select seq, at, actor, kind, product, detail, prev_hash, hash from " + T
                        + "request_events where request_id=? order by seq")) {
            ps.setString(1, requestId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredEvent(
                            rs.getLong(1),
                            rs.getTimestamp(2).toInstant(),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8)));
                }
            }
        }
        return out;
    }

    /** Operators' decisions on a request, oldest first (see {@link LedgerActivities#decisions}). */
    public List<LedgerEvent> decisions(String requestId) {
        return inTransaction(c -> {
            List<LedgerEvent> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select event_id, at, actor, kind, product, detail from " + T
                    + "request_events where request_id=? and actor <> 'system' and kind in"
                    + " ('APPROVED','EXTENDED','PRODUCT_COMPLETED_BY_HAND','PRODUCT_SKIPPED',"
                    + " 'RENEWED','RELEASE_REQUESTED')"
                    + " order by seq")) {
                ps.setString(1, requestId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new LedgerEvent(
                                rs.getString(1),
                                rs.getTimestamp(2).toInstant(),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6)));
                    }
                }
            }
            return out;
        });
    }

    /** The encrypted spec of a request, for re-driving it (empty once the record-keeping job erased it). */
    public Optional<byte[]> specCiphertext(String requestId) {
        return sealedColumn("spec_ciphertext", requestId);
    }

    /** The request's sealed contact address, for the notice activity alone (empty: none, or erased). */
    public Optional<byte[]> contactCiphertext(String requestId) {
        return sealedColumn("contact_ciphertext", requestId);
    }

    private Optional<byte[]> sealedColumn(String column, String requestId) {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + column + " from " + T + "requests where id=?")) {
                ps.setString(1, requestId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    /** What else goes with a request's sealed data (its blobs), in the erasing transaction. */
    @FunctionalInterface
    public interface SealedDataEraser {
        void erase(String requestId) throws IOException;
    }

    /**
     * The record-keeping job's step: erases the sealed spec and contact address of up to {@code limit}
     * finished requests that reached their final status before {@code finishedBefore} and still hold
     * them, and appends {@code event} (made per request id) to each history. A request any of whose
     * subject keys is under a preservation not yet final (a legal hold) is left alone. The rows are
     * claimed with {@code skip locked}, so two API processes erase each request once; {@code alsoErase}
     * runs for each before the commit and a failure rolls the whole batch back for the next sweep.
     *
     * @return the ids erased
     */
    public List<String> eraseSealedData(
            Instant finishedBefore,
            Instant erasedAt,
            int limit,
            Function<String, LedgerEvent> event,
            SealedDataEraser alsoErase) {
        return inTransaction("erase-sealed", c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select r.id from " + T + "requests r"
                    + " where r.sealed_erased_at is null and r.status in " + FINAL
                    + " and coalesce(r.completed_at, r.updated_at) < ?"
                    + " and not exists (select 1 from " + T + "request_subject_keys k join " + T
                    + "request_subject_keys hk on hk.subject_key = k.subject_key join " + T
                    + "requests h on h.id = hk.request_id where k.request_id = r.id and h.type = 'PRESERVATION'"
                    + " and h.status not in " + FINAL + ")"
                    + " order by coalesce(r.completed_at, r.updated_at), r.id limit ? for update of r skip locked")) {
                ps.setTimestamp(1, Timestamp.from(finishedBefore));
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            if (ids.isEmpty()) {
                return ids;
            }
            for (String id : ids) {
                try {
                    alsoErase.erase(id);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("update " + T + "requests set spec_ciphertext = null,"
                    + " contact_ciphertext = null, sealed_erased_at = ? where id = any(?)")) {
                ps.setTimestamp(1, Timestamp.from(erasedAt));
                ps.setArray(2, c.createArrayOf("text", ids.toArray()));
                ps.executeUpdate();
            }
            for (String id : ids) {
                appendEvents(c, id, List.of(event.apply(id)), true);
            }
            return ids;
        });
    }

    /** Ids of requests not yet in a final status, oldest first. */
    public List<String> unfinished() {
        return ids("select id from " + T + "requests where status not in " + FINAL + " order by received_at, id", null);
    }

    /**
     * Ids of requests whose download package is not purged yet and whose link expired at or before
     * {@code now}, at most {@code limit}, soonest expired first.
     */
    public List<String> expiredPackages(Instant now, int limit) {
        return inTransaction(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select id from " + T + "requests where download->>'purged'"
                    + " = 'false' and (download->>'expiresAt')::timestamptz <= ?"
                    + " order by (download->>'expiresAt')::timestamptz, id limit ?")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Marks a request's download package purged and appends {@code event} (which says so), in one
     * transaction; does nothing when it is marked already (another sweep was first). Returns
     * whether this call marked it.
     */
    public boolean packagePurged(String requestId, LedgerEvent event) {
        return inTransaction("package-purged", c -> {
            try (PreparedStatement ps = c.prepareStatement("update " + T + "requests set download = jsonb_set(download,"
                    + " '{purged}', 'true'), updated_at = now() where id = ? and download->>'purged' = 'false'")) {
                ps.setString(1, requestId);
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            appendEvents(c, requestId, List.of(event), true);
            return true;
        });
    }

    /**
     * Ids of preservations approved and not yet ended, oldest first: the holds that must be in
     * force again before any deletion is re-driven.
     */
    public List<String> approvedPreservations() {
        return ids(
                "select id from " + T
                        + "requests where type = 'PRESERVATION' and approved_by is not null and status not in "
                        + FINAL + " order by received_at, id",
                null);
    }

    /** How many events of this kind a request's history holds. */
    public int countEvents(String requestId, String kind) {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select count(*) from " + T + "request_events where request_id = ? and kind = ?")) {
                ps.setString(1, requestId);
                ps.setString(2, kind);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** Ids of requests still RECEIVED (their workflow never reported) and filed before {@code before}. */
    public List<String> stillReceived(Instant before) {
        return ids(
                "select id from " + T
                        + "requests where status = 'RECEIVED' and created_at < ? order by received_at, id",
                before);
    }

    private List<String> ids(String sql, Instant parameter) {
        return inTransaction(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (parameter != null) {
                    ps.setTimestamp(1, Timestamp.from(parameter));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    private Optional<FilingOutcome> byIdempotencyKey(Connection c, NewRequest request) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("select id, request_hash from " + T + "requests where idempotency_key=?")) {
            ps.setString(1, request.idempotencyKey());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                boolean same = rs.getString(2) != null && rs.getString(2).equals(request.requestHash());
                return Optional.of(new FilingOutcome(
                        same ? FilingOutcome.Kind.REPLAYED : FilingOutcome.Kind.CONFLICT, rs.getString(1)));
            }
        }
    }

    private void upsertProducts(Connection c, RequestSnapshot s) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("insert into " + T + "product_tasks as t (request_id, product, status, attempts,"
                        + " updated_at, detail, result) values (?,?,?,?,?,?,?::jsonb)"
                        + " on conflict (request_id, product) do update set status=excluded.status,"
                        + " attempts=excluded.attempts, updated_at=excluded.updated_at, detail=excluded.detail,"
                        + " result=excluded.result"
                        + " where (t.status, t.attempts, t.updated_at, t.detail, t.result) is distinct from"
                        + " (excluded.status, excluded.attempts, excluded.updated_at, excluded.detail,"
                        + " excluded.result)")) {
            for (ProductSnapshot p : s.products()) {
                ps.setString(1, s.id());
                ps.setString(2, p.product());
                ps.setString(3, p.status().name());
                ps.setInt(4, p.attempts());
                ps.setTimestamp(5, Timestamp.from(p.updatedAt() == null ? Instant.now() : p.updatedAt()));
                ps.setString(6, p.detail());
                ps.setString(7, p.result() == null ? null : write(p.result()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Appends the events not yet stored, chained after the request's last event. The request row
     * is locked first (so the chain has one order; the snapshot update already locked it when it
     * applied); then one query reads the chain's head and which of the events are stored already
     * (a statement after the lock, so it sees every event committed before), and one batch inserts
     * the rest.
     */
    private List<LedgerEvent> appendEvents(Connection c, String requestId, List<LedgerEvent> events, boolean rowLocked)
            throws SQLException {
        if (events.isEmpty()) {
            return List.of();
        }
        if (!rowLocked) {
            try (PreparedStatement lock = c.prepareStatement("select 1 from " + T + "requests where id=? for update")) {
                lock.setString(1, requestId);
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("no request " + requestId + " in the ledger");
                    }
                }
            }
        }
        long seq = 0;
        String prev = EventChain.GENESIS;
        java.util.Set<String> stored = new java.util.HashSet<>();
        try (PreparedStatement head = c.prepareStatement("select e.seq, e.hash, array(select x.event_id from " + T
                + "request_events x where x.event_id = any(?)) from " + T
                + "requests r left join lateral (select seq, hash from "
                + T + "request_events where request_id = r.id order by seq desc limit 1) e on true where r.id = ?")) {
            head.setArray(
                    1,
                    c.createArrayOf("text", events.stream().map(LedgerEvent::id).toArray()));
            head.setString(2, requestId);
            try (ResultSet rs = head.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no request " + requestId + " in the ledger");
                }
                if (rs.getString(2) != null) {
                    seq = rs.getLong(1);
                    prev = rs.getString(2);
                }
                for (Object id : (Object[]) rs.getArray(3).getArray()) {
                    stored.add((String) id);
                }
            }
        }
        try (PreparedStatement ps =
                c.prepareStatement("insert into " + T + "request_events (request_id, seq, event_id, at,"
                        + " actor, kind, product, detail, prev_hash, hash) values (?,?,?,?,?,?,?,?,?,?)")) {
            List<LedgerEvent> added = new ArrayList<>();
            for (LedgerEvent e : events) {
                if (!stored.add(e.id())) {
                    continue; // stored by an earlier attempt (or twice in this entry)
                }
                seq++;
                Instant at = e.at().truncatedTo(ChronoUnit.MICROS);
                String hash = EventChain.hash(prev, requestId, seq, at, e.actor(), e.kind(), e.product(), e.detail());
                ps.setString(1, requestId);
                ps.setLong(2, seq);
                ps.setString(3, e.id());
                ps.setTimestamp(4, Timestamp.from(at));
                ps.setString(5, e.actor());
                ps.setString(6, e.kind());
                ps.setString(7, e.product());
                ps.setString(8, e.detail());
                ps.setString(9, prev);
                ps.setString(10, hash);
                ps.addBatch();
                prev = hash;
                added.add(e);
            }
            if (!added.isEmpty()) {
                ps.executeBatch();
                storeHead(c, requestId, seq, prev);
            }
            return added;
        }
    }

    private void storeHead(Connection c, String requestId, long seq, String hash) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("update " + T + "requests set head_seq=?, head_hash=?, head_jws=? where id=?")) {
            ps.setLong(1, seq);
            ps.setString(2, hash);
            ps.setString(3, signHead(requestId, seq, hash));
            ps.setString(4, requestId);
            ps.executeUpdate();
        }
    }

    private String signHead(String requestId, long seq, String hash) {
        ChainHead head = new ChainHead(requestId, seq, hash, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        try {
            return headKeys.sign(SignedEvidence.LEDGER_HEAD_TYPE, EvidenceJson.MAPPER.writeValueAsBytes(head));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the chain head", e);
        }
    }

    private static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setTimestamp(index, Timestamp.from(value));
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    private <R> R inTransaction(SqlWork<R> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                R result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new LedgerUnavailableException("ledger write failed: " + e.getMessage(), e);
        }
    }

    /** A write, timed for {@link LedgerObserver#wrote}. */
    private <R> R inTransaction(String operation, SqlWork<R> work) {
        long t0 = System.nanoTime();
        boolean ok = false;
        try {
            R result = inTransaction(work);
            ok = true;
            return result;
        } finally {
            observer.wrote(operation, System.nanoTime() - t0, ok);
        }
    }

    @FunctionalInterface
    private interface SqlWork<R> {
        R run(Connection c) throws SQLException;
    }
}
