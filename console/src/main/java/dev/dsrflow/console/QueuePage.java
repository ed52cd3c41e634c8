package dev.dsrflow.console;

import java.util.List;

/**
 * The queue: one page of requests, the counts per status under the same filter, links to the
 * neighbouring pages and to the CSV export of what is filtered.
 *
 * @param subjectLookup the rows are the requests of a subject the person looked up (no identifier is shown)
 */
public record QueuePage(
        QueueFilter filter,
        List<Row> rows,
        List<StatusCount> counts,
        long total,
        int page,
        int pages,
        List<String> products,
        String csvHref,
        boolean subjectLookup,
        String error) {

    /** One request of the queue with its products done out of total. */
    public record Row(RequestSummary request, int productsDone, int productsTotal, boolean selectable) {}

    /** How many requests have this status under the current filter; the link narrows the queue to them. */
    public record StatusCount(String status, long count, String href, boolean current) {}

    public static final List<String> TYPES = List.of("ACCESS", "DOWNLOAD", "DELETION", "PRESERVATION");
    public static final List<String> JURISDICTIONS = List.of("GDPR", "CCPA", "OTHER");

    public String prevHref() {
        return page > 0 ? filter.href("/console/queue", filter.status(), page - 1) : null;
    }

    public String nextHref() {
        return page + 1 < pages ? filter.href("/console/queue", filter.status(), page + 1) : null;
    }
}
