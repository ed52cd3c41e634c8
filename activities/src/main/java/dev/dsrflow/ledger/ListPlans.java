package dev.dsrflow.ledger;

import java.util.List;

/**
 * What the ledger runs for a request list, for the benchmark and for an operator asking why a
 * list is slow. The API implements it (it owns the list's queries); a process without the API
 * has no such bean.
 */
public interface ListPlans {
    /**
     * PostgreSQL's EXPLAIN ANALYZE of the count and the page that {@code GET /v1/requests?query}
     * runs (each query run once).
     *
     * @param query the list's query string, without the {@code ?}: {@code product=p&status=FAILED}
     * @return the plan's lines, the count's under {@code count:} and the page's under {@code page:}
     */
    List<String> explain(String query);
}
