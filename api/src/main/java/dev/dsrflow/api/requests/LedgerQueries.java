package dev.dsrflow.api.requests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.dsrflow.ledger.DownloadInfo;
import dev.dsrflow.ledger.LedgerStore;
import dev.dsrflow.ledger.LedgerUnavailableException;
import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.ProductTaskStatus;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.model.RequestType;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads requests from the ledger: every view, list, filter and export comes from here, never
 * from Temporal visibility (the ledger outlives Temporal's retention).
 */
@Singleton
public class LedgerQueries {
    private static final String COLUMNS =
            "r.id, r.type, r.status, r.jurisdiction, r.subject_key, r.received_at, r.due_at,"
                    + " r.extended, r.requested_by, r.approved_by, r.grace_ends_at, r.hold_expires_at,"
                    + " r.completed_at, r.download::text, r.certificate,"
                    + " array(select k.subject_key from ledger.request_subject_keys k where k.request_id = r.id"
                    + " order by k.subject_key <> r.subject_key, k.subject_key) as subject_keys,"
                    + " r.grace_configured_end";
    /** Matches counted exactly; a larger total is the planner's estimate. */
    public static final int EXACT_TOTAL = 20_000;

    /** Rows fetched per round trip while an export streams. */
    private static final int STREAM_BATCH = 1000;

    /** Product task statuses that count as done in a list's progress. */
    private static final String SETTLED = java.util.Arrays.stream(ProductTaskStatus.values())
            .filter(ProductTaskStatus::isSettled)
            .map(s -> "'" + s.name() + "'")
            .collect(java.util.stream.Collectors.joining(",", "(", ")"));

    private final DataSource dataSource;
    private final PackageLinks links;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    /** Takes the ledger store only so that its schema migration has run before the first read. */
    LedgerQueries(DataSource dataSource, PackageLinks links, LedgerStore migratedLedger) {
        this.dataSource = dataSource;
        this.links = links;
    }

    /** A request with its products, or empty. */
    public Optional<RequestView> find(String id) {
        return read(c -> {
            RequestView view;
            try (PreparedStatement ps =
                    c.prepareStatement("select " + COLUMNS + " from ledger.requests r where r.id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    view = view(rs, Instant.now());
                }
            }
            List<RequestView.ProductView> products = new ArrayList<>();
            try (PreparedStatement ps =
                    c.prepareStatement("select product, status, attempts, updated_at, detail, result::text"
                            + " from ledger.product_tasks where request_id = ? order by product")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        products.add(new RequestView.ProductView(
                                rs.getString(1),
                                ProductTaskStatus.valueOf(rs.getString(2)),
                                rs.getInt(3),
                                instant(rs, 4),
                                rs.getString(5),
                                RequestViews.json(rs.getString(6))));
                    }
                }
            }
            return Optional.of(new RequestView(
                    view.id(),
                    view.type(),
                    view.status(),
                    view.jurisdiction(),
                    view.subjectKey(),
                    view.receivedAt(),
                    view.dueAt(),
                    view.overdue(),
                    view.extended(),
                    view.requestedBy(),
                    view.approvedBy(),
                    view.graceEndsAt(),
                    view.holdExpiresAt(),
                    view.completedAt(),
                    products,
                    view.download(),
                    view.certificate(),
                    view.subjectKeys(),
                    view.graceShortened(),
                    view.graceConfiguredEndsAt()));
        });
    }

    /** The download info of a request, or empty if there is none (yet). */
    public Optional<DownloadInfo> download(String id) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("select download::text from ledger.requests where id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(downloadInfo(rs.getString(1))) : Optional.empty();
                }
            }
        });
    }

    /** One page of requests matching the filter, newest first: {@link #list(RequestFilter, ListOrder)}. */
    public RequestPage list(RequestFilter filter) {
        return list(filter, ListOrder.RECEIVED_DESC);
    }

    /**
     * One page of requests matching the filter in the given order, without products but with
     * how many of them are settled. The total is counted exactly up to {@link #EXACT_TOTAL}
     * matches (the count stops there, so it never costs more); above that it is PostgreSQL's
     * estimate and the page says so. Where the count and the page's keys come from is {@link
     * ListQuery}'s choice; the full rows and the product counts are read for the page only.
     */
    public RequestPage list(RequestFilter filter, ListOrder order) {
        ListQuery query = new ListQuery(filter, order);
        return read(c -> {
            long counted = count(c, query);
            boolean exact = counted <= EXACT_TOTAL;
            long total = exact ? counted : Math.max(EXACT_TOTAL + 1, estimate(c, query.where(), query.params()));
            List<ListedRequest> items = new ArrayList<>();
            if (!exact || counted > (long) filter.page() * filter.size()) {
                try (PreparedStatement ps = c.prepareStatement(pageSql(query, exact))) {
                    bind(ps, query.pageParams());
                    Instant now = Instant.now();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            items.add(new ListedRequest(
                                    view(rs, now), rs.getInt("products_done"), rs.getInt("products_total")));
                        }
                    }
                }
            }
            return new RequestPage(items, filter.page(), filter.size(), total, exact);
        });
    }

    /**
     * What PostgreSQL did for the count and the page of a list (EXPLAIN ANALYZE, run once each):
     * for the benchmark and for an operator asking why a list is slow.
     */
    public List<String> explain(RequestFilter filter, ListOrder order) {
        ListQuery query = new ListQuery(filter, order);
        return read(c -> {
            List<String> plan = new ArrayList<>(List.of("count:"));
            plan.addAll(explain(c, query.countSql(), append(query.countParams(), EXACT_TOTAL + 1)));
            plan.add("page:");
            plan.addAll(explain(c, pageSql(query, count(c, query) <= EXACT_TOTAL), query.pageParams()));
            return plan;
        });
    }

    /** The matches, counted up to one more than {@link #EXACT_TOTAL}. */
    private static long count(Connection c, ListQuery query) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(query.countSql())) {
            bind(ps, append(query.countParams(), EXACT_TOTAL + 1));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<String> explain(Connection c, String sql, List<Object> params) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("explain (analyze, buffers) " + sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
        }
        return lines;
    }

    /** The page: its keys as {@link ListQuery} finds them, then their rows and product counts. */
    private static String pageSql(ListQuery query, boolean small) {
        return query.pageKeysSql(small) + " select " + COLUMNS
                + ", n.products_done, n.products_total from p join ledger.requests r on r.id = p.id"
                + " cross join lateral (select count(*) filter (where t.status in " + SETTLED + ") products_done,"
                + " count(*) products_total from ledger.product_tasks t where t.request_id = p.id) n"
                + " order by " + query.order().sql("p");
    }

    /** The planner's estimate of the rows matching {@code where}. */
    private long estimate(Connection c, String where, List<Object> params) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("explain (format json) select 1 from ledger.requests r" + where)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return readPlan(rs.getString(1))
                        .path(0)
                        .path("Plan")
                        .path("Plan Rows")
                        .asLong(0);
            }
        }
    }

    private static List<Object> append(List<Object> params, Object more) {
        List<Object> all = new ArrayList<>(params);
        all.add(more);
        return all;
    }

    /**
     * Every request matching the filter (its page and size ignored), newest first, read from a
     * server-side cursor a batch at a time as the caller iterates: memory stays bounded however
     * many rows match. The caller must close the rows (it holds a connection until then).
     */
    public Rows stream(RequestFilter filter) {
        ListQuery query = new ListQuery(filter, ListOrder.RECEIVED_DESC);
        String sql =
                "select " + COLUMNS + " from ledger.requests r" + query.where() + " order by r.received_at desc, r.id";
        Connection c = null;
        try {
            c = dataSource.getConnection();
            c.setReadOnly(true);
            c.setAutoCommit(false); // PostgreSQL reads with a cursor (fetch size) only inside a transaction
            PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            ps.setFetchSize(STREAM_BATCH);
            bind(ps, query.params());
            return new Rows(c, ps.executeQuery());
        } catch (SQLException e) {
            closeQuietly(c);
            throw new LedgerUnavailableException("ledger read failed", e);
        }
    }

    /** Rows read from an open cursor; closing ends the transaction and returns the connection. */
    public final class Rows implements Iterator<RequestView>, AutoCloseable {
        private final Connection connection;
        private final ResultSet rows;
        private final Instant now = Instant.now();
        private Boolean ahead;

        private Rows(Connection connection, ResultSet rows) {
            this.connection = connection;
            this.rows = rows;
        }

        @Override
        public boolean hasNext() {
            if (ahead == null) {
                try {
                    ahead = rows.next();
                } catch (SQLException e) {
                    throw new LedgerUnavailableException("ledger read failed", e);
                }
            }
            return ahead;
        }

        @Override
        public RequestView next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ahead = null;
            try {
                return view(rows, now);
            } catch (SQLException e) {
                throw new LedgerUnavailableException("ledger read failed", e);
            }
        }

        @Override
        public void close() {
            try {
                connection.rollback(); // read-only: nothing to keep; closes the cursor
            } catch (SQLException e) {
                // the connection is closed below either way
            }
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // nothing more to free
            }
        }
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    private RequestView view(ResultSet rs, Instant now) throws SQLException {
        RequestStatus status = RequestStatus.valueOf(rs.getString(3));
        Instant dueAt = instant(rs, 7);
        DownloadInfo download = downloadInfo(rs.getString(14));
        return new RequestView(
                rs.getString(1),
                RequestType.valueOf(rs.getString(2)),
                status,
                Jurisdiction.valueOf(rs.getString(4)),
                rs.getString(5),
                instant(rs, 6),
                dueAt,
                RequestViews.overdue(dueAt, status.isFinal(), now),
                rs.getBoolean(8),
                rs.getString(9),
                rs.getString(10),
                instant(rs, 11),
                instant(rs, 12),
                instant(rs, 13),
                null,
                links.view(download),
                RequestViews.certificate(rs.getString(15)),
                subjectKeys(rs),
                instant(rs, 17) != null,
                instant(rs, 17));
    }

    /** The request's subject keys, filed and resolved, its filed key first. */
    private static List<String> subjectKeys(ResultSet rs) throws SQLException {
        java.sql.Array keys = rs.getArray("subject_keys");
        return keys == null ? List.of() : List.of((String[]) keys.getArray());
    }

    private DownloadInfo downloadInfo(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, DownloadInfo.class);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable download info in the ledger", e);
        }
    }

    /** PostgreSQL's {@code explain (format json)} answer: an array holding one {@code {"Plan": ...}}. */
    private JsonNode readPlan(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable query plan", e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private <R> R read(SqlRead<R> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setReadOnly(true);
            return work.run(c);
        } catch (SQLException e) {
            throw new LedgerUnavailableException("ledger read failed", e);
        }
    }

    @FunctionalInterface
    private interface SqlRead<R> {
        R run(Connection c) throws SQLException;
    }
}
