package dev.dsrflow.console;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The queue's filters and order as the page's query string carries them; {@code within} is "due
 * within N days", {@code sort} the API's {@code sort} value (null: newest received first).
 */
public record QueueFilter(
        String type, String status, String jurisdiction, String product, boolean overdue, Integer within, String sort) {

    /** No filter, the default order. */
    static final QueueFilter NONE = new QueueFilter(null, null, null, null, false, null, null);

    /** The API's list parameters for this filter (status left out when {@code withStatus} is false). */
    Map<String, String> apiQuery(Instant now, boolean withStatus) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("type", type);
        if (withStatus) {
            q.put("status", status);
        }
        q.put("jurisdiction", jurisdiction);
        q.put("product", product);
        if (overdue) {
            q.put("overdue", "true");
        }
        if (within != null) {
            q.put("dueBefore", now.plus(Duration.ofDays(within)).toString());
        }
        q.put("sort", sort);
        return q;
    }

    /** A console link to the queue with this filter, another status and another page. */
    public String href(String path, String otherStatus, int page) {
        return href(path, otherStatus, page, sort);
    }

    /**
     * The link a sortable column's header carries: the first page of the same filter sorted by
     * {@code key}, or by {@code key} descending when that is already the order and the column
     * sorts both ways.
     */
    public String sortHref(String key, boolean bothWays) {
        return href("/console/queue", status, 0, bothWays && key.equals(sort) ? "-" + key : key);
    }

    /** The column's {@code aria-sort}: ascending or descending when the queue is sorted by it, else null. */
    public String ariaSort(String key) {
        String current = sort == null ? "-receivedAt" : sort;
        if (current.equals(key)) {
            return "ascending";
        }
        return current.equals("-" + key) ? "descending" : null;
    }

    private String href(String path, String otherStatus, int page, String order) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("type", type);
        q.put("status", otherStatus);
        q.put("jurisdiction", jurisdiction);
        q.put("product", product);
        q.put("overdue", overdue ? "true" : null);
        q.put("within", within == null ? null : within.toString());
        q.put("sort", order);
        q.put("page", page == 0 ? null : Integer.toString(page));
        StringBuilder out = new StringBuilder(path);
        char sep = '?';
        for (var e : q.entrySet()) {
            if (e.getValue() != null && !e.getValue().isBlank()) {
                out.append(sep).append(e.getKey()).append('=').append(Api.encode(e.getValue()));
                sep = '&';
            }
        }
        return out.toString();
    }

    public boolean is(String field, String value) {
        String current = switch (field) {
            case "type" -> type;
            case "status" -> status;
            case "jurisdiction" -> jurisdiction;
            case "product" -> product;
            default -> null;
        };
        return value.equals(current);
    }
}
