package dev.dsrflow.api.requests;

import io.micronaut.core.annotation.Creator;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One page of a request list.
 *
 * @param total how many requests match: exact up to {@link LedgerQueries#EXACT_TOTAL}, above that
 *     PostgreSQL's estimate (see {@code totalExact})
 * @param totalExact false when {@code total} is an estimate of a large match
 */
@Serdeable
@Schema(name = "RequestPage")
public record RequestPage(List<ListedRequest> items, int page, int size, long total, boolean totalExact) {
    @Creator
    public RequestPage {}

    /** A page whose total is exact. */
    public RequestPage(List<ListedRequest> items, int page, int size, long total) {
        this(items, page, size, total, true);
    }
}
