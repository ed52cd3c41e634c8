package dev.dsrflow.api.requests;

import dev.dsrflow.ledger.ListPlans;
import io.micronaut.http.uri.QueryStringDecoder;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The plans of a list, its query string read as the list endpoint reads it. */
@Singleton
class ListExplainer implements ListPlans {
    private final ListParameters parameters;
    private final LedgerQueries queries;

    ListExplainer(ListParameters parameters, LedgerQueries queries) {
        this.parameters = parameters;
        this.queries = queries;
    }

    @Override
    public List<String> explain(String query) {
        Map<String, List<String>> values = new QueryStringDecoder("?" + query).parameters();
        Function<String, String> p = name -> values.containsKey(name) ? String.join(",", values.get(name)) : null;
        RequestFilter filter = parameters.parse(
                p.apply("type"),
                p.apply("status"),
                p.apply("jurisdiction"),
                p.apply("product"),
                p.apply("subject"),
                p.apply("dueBefore"),
                p.apply("overdue"),
                p.apply("page"),
                p.apply("size"));
        return queries.explain(filter, parameters.order(p.apply("sort")));
    }
}
