package dev.dsrflow.api.requests;

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
import java.util.Collection;
import java.util.List;
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
                    + " r.extended, r.requested_by, r.approved_by, r.grace_ends_at, r.hold_expires_at, r.completed_at, r.download::text,"
                    + " r.certificate";
    private static final String FINAL = "('COMPLETED','CANCELLED','REJECTED','RELEASED','EXPIRED','FAILED')";

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
                    view.certificate()));
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

    /** One page of requests matching the filter, newest first, without products. */
    public RequestPage list(RequestFilter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        return read(c -> {
            long total;
            try (PreparedStatement ps = c.prepareStatement("select count(*) from ledger.requests r" + where)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<RequestView> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from ledger.requests r" + where
                    + " order by r.received_at desc, r.id limit ? offset ?")) {
                List<Object> all = new ArrayList<>(params);
                all.add(filter.size());
                all.add((long) filter.page() * filter.size());
                bind(ps, all);
                Instant now = Instant.now();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(view(rs, now));
                    }
                }
            }
            return new RequestPage(items, filter.page(), filter.size(), total);
        });
    }

    private static String where(RequestFilter f, List<Object> params) {
        List<String> clauses = new ArrayList<>();
        in(clauses, params, "r.type", f.types());
        in(clauses, params, "r.status", f.statuses());
        in(clauses, params, "r.jurisdiction", f.jurisdictions());
        if (f.products() != null) {
            if (f.products().isEmpty()) {
                clauses.add("false");
            } else {
                clauses.add("exists (select 1 from ledger.product_tasks p where p.request_id = r.id and p.product in ("
                        + placeholders(f.products().size()) + "))");
                params.addAll(f.products());
            }
        }
        if (f.subjectKeys() != null && !f.subjectKeys().isEmpty()) {
            clauses.add(
                    "exists (select 1 from ledger.request_subject_keys k where k.request_id = r.id and k.subject_key in ("
                            + placeholders(f.subjectKeys().size()) + "))");
            params.addAll(f.subjectKeys());
        }
        if (f.dueBefore() != null) {
            clauses.add("r.due_at < ?");
            params.add(Timestamp.from(f.dueBefore()));
        }
        if (Boolean.TRUE.equals(f.overdue())) {
            clauses.add("r.due_at < now() and r.status not in " + FINAL);
        } else if (Boolean.FALSE.equals(f.overdue())) {
            clauses.add("not (r.due_at is not null and r.due_at < now() and r.status not in " + FINAL + ")");
        }
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    private static void in(
            List<String> clauses, List<Object> params, String column, Collection<? extends Enum<?>> values) {
        if (values != null && !values.isEmpty()) {
            clauses.add(column + " in (" + placeholders(values.size()) + ")");
            values.forEach(v -> params.add(v.name()));
        }
    }

    private static String placeholders(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
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
                RequestViews.certificate(rs.getString(15)));
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
