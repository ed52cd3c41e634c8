package dev.dsrflow.api.requests;

import dev.dsrflow.ledger.LedgerSchema;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The SQL of one request list: the filter's conditions, how its matches are counted and where a
 * page's keys come from. Which index answers which filter, and why, is told in the migrations
 * that built them ({@code V4}, {@code V9}, {@code V11}, {@code V12}); this class only picks.
 *
 * <ul>
 *   <li>A product and request statuses alone: counted and paged from {@code
 *       product_tasks_product_request_status}, where each product task carries its request's
 *       status and receipt date.
 *   <li>A due-date filter ({@code dueBefore}, {@code overdue=true}) in receipt order: each window
 *       between receipt and due date is a range of {@code requests_due_window}, read from "due
 *       before X" = "received before X minus the window"; the page merges the windows' newest.
 *   <li>Otherwise a match of at most {@link LedgerQueries#EXACT_TOTAL} rows is gathered and
 *       sorted, and a larger one walks the index of the order.
 * </ul>
 */
final class ListQuery {
    private static final String FINAL = LedgerSchema.FINAL_STATUSES;

    /** The distinct windows between receipt and due date, one index probe each (a loose index scan). */
    private static final String WINDOWS = "w(v) as (select min(extract(epoch from due_at - received_at))"
            + " from ledger.requests where due_at is not null union all select (select min(extract(epoch from"
            + " due_at - received_at)) from ledger.requests where due_at is not null and extract(epoch from"
            + " due_at - received_at) > w.v) from w where w.v is not null)";

    private final RequestFilter filter;
    private final ListOrder order;
    private final List<String> clauses = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    ListQuery(RequestFilter filter, ListOrder order) {
        this.filter = filter;
        this.order = order;
        in("r.type", filter.types());
        in("r.status", filter.statuses());
        in("r.jurisdiction", filter.jurisdictions());
        if (filter.products() != null) {
            if (filter.products().isEmpty()) {
                clauses.add("false");
            } else {
                clauses.add("exists (select 1 from ledger.product_tasks p where p.request_id = r.id and p.product in ("
                        + placeholders(filter.products().size()) + "))");
                params.addAll(filter.products());
            }
        }
        if (filter.subjectKeys() != null && !filter.subjectKeys().isEmpty()) {
            clauses.add("exists (select 1 from ledger.request_subject_keys k"
                    + " where k.request_id = r.id and k.subject_key in ("
                    + placeholders(filter.subjectKeys().size()) + "))");
            params.addAll(filter.subjectKeys());
        }
        if (filter.dueBefore() != null) {
            clauses.add("r.due_at < ?");
            params.add(Timestamp.from(filter.dueBefore()));
        }
        if (Boolean.TRUE.equals(filter.overdue())) {
            clauses.add("r.due_at < now() and r.status not in " + FINAL);
        } else if (Boolean.FALSE.equals(filter.overdue())) {
            clauses.add("not (r.due_at is not null and r.due_at < now() and r.status not in " + FINAL + ")");
        }
    }

    ListOrder order() {
        return order;
    }

    /** {@code " where …"} over {@code ledger.requests r}, or nothing when the filter is empty. */
    String where() {
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    /** The parameters of {@link #where()}, in order. */
    List<Object> params() {
        return List.copyOf(params);
    }

    /** The capped count of the matches ({@code limit} the one parameter after {@link #countParams}). */
    String countSql() {
        if (oneProduct()) {
            return "select count(*) from (select 1 from ledger.product_tasks t where t.product = ?"
                    + statusesOfRequest() + " limit ?) m";
        }
        // a due-date filter's matches are a range of due dates: counted in that order, the planner reads
        // that range (requests_open_due_keys, requests_due_id), not the whole of requests_open_due_window
        String inOrder = byDueWindow() ? " order by r.due_at" : "";
        return "select count(*) from (select 1 from ledger.requests r" + where() + inOrder + " limit ?) m";
    }

    /** The parameters of {@link #countSql()} before its limit. */
    List<Object> countParams() {
        return oneProduct() ? productStatusParams() : params();
    }

    /**
     * A CTE list ending in {@code p as materialized (…)}: the page's ids with the columns its order
     * sorts by, {@code limit ? offset ?} its last two parameters ({@link #pageParams}).
     *
     * @param small the match was counted exactly (at most {@link LedgerQueries#EXACT_TOTAL} rows)
     */
    String pageKeysSql(boolean small) {
        if (byProductStatus()) {
            return "with p as materialized (select * from (select t.request_id id, t.request_received_at received_at"
                    + " from ledger.product_tasks t where t.product = ?" + statusesOfRequest()
                    + ") t order by " + order.sql("t") + " limit ? offset ?)";
        }
        if (byDueWindow()) {
            String and = clauses.isEmpty() ? "" : " and " + String.join(" and ", clauses);
            return "with recursive " + WINDOWS + ", p as materialized (select k.* from w cross join lateral"
                    + " (select r.id, r.received_at from ledger.requests r"
                    + " where extract(epoch from r.due_at - r.received_at) = w.v"
                    + " and r.received_at < " + dueBound() + " - w.v * interval '1 second' + interval '1 second'"
                    + and + " order by " + order.sql("r") + " limit ?) k where w.v is not null"
                    + " order by " + order.sql("k") + " limit ? offset ?)";
        }
        String keys = "select r.id, r.received_at, r.due_at, r.status, r.type from ledger.requests r" + where();
        return small
                ? "with m as materialized (" + keys + "), p as (select * from m order by " + order.sql("m")
                        + " limit ? offset ?)"
                : "with p as materialized (" + keys + " order by " + order.sql("r") + " limit ? offset ?)";
    }

    /** The parameters of {@link #pageKeysSql}, its limit and offset included. */
    List<Object> pageParams() {
        long offset = (long) filter.page() * filter.size();
        List<Object> all = new ArrayList<>();
        if (byProductStatus()) {
            all.addAll(productStatusParams());
        } else if (byDueWindow()) {
            if (filter.dueBefore() != null) {
                all.add(Timestamp.from(filter.dueBefore()));
            }
            all.addAll(params);
            all.add(offset + filter.size()); // each window's newest, as many as the page reaches
        } else {
            all.addAll(params);
        }
        all.add(filter.size());
        all.add(offset);
        return all;
    }

    /**
     * A product and the statuses of its requests in receipt order: the product's index yields them
     * in that order. (A product alone is counted from that index, one entry per request, but its
     * page walks the list order: it is a large share of the ledger, found within a few rows.)
     */
    private boolean byProductStatus() {
        return oneProduct() && !empty(filter.statuses()) && receiptOrder();
    }

    /** One product, perhaps the statuses of its requests, nothing else. */
    private boolean oneProduct() {
        return filter.products() != null
                && filter.products().size() == 1
                && empty(filter.types())
                && empty(filter.jurisdictions())
                && empty(filter.subjectKeys())
                && filter.dueBefore() == null
                && filter.overdue() == null;
    }

    /** A due-date filter in receipt order. */
    private boolean byDueWindow() {
        return (filter.dueBefore() != null || Boolean.TRUE.equals(filter.overdue())) && receiptOrder();
    }

    private boolean receiptOrder() {
        return order == ListOrder.RECEIVED_DESC || order == ListOrder.RECEIVED_ASC;
    }

    /** What a matching request's due date lies before: the {@code dueBefore} date, now, or the earlier. */
    private String dueBound() {
        if (!Boolean.TRUE.equals(filter.overdue())) {
            return "?::timestamptz";
        }
        return filter.dueBefore() == null ? "now()" : "least(?::timestamptz, now())";
    }

    private String statusesOfRequest() {
        return empty(filter.statuses())
                ? ""
                : " and t.request_status in (" + placeholders(filter.statuses().size()) + ")";
    }

    private List<Object> productStatusParams() {
        List<Object> all = new ArrayList<>(filter.products());
        if (!empty(filter.statuses())) {
            filter.statuses().forEach(s -> all.add(s.name()));
        }
        return all;
    }

    private void in(String column, Collection<? extends Enum<?>> values) {
        if (values != null && !values.isEmpty()) {
            clauses.add(column + " in (" + placeholders(values.size()) + ")");
            values.forEach(v -> params.add(v.name()));
        }
    }

    private static boolean empty(Collection<?> values) {
        return values == null || values.isEmpty();
    }

    private static String placeholders(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }
}
