package dev.dsrflow.api.requests;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.function.UnaryOperator;

/**
 * A request as a list shows it: its view (without products) and how far its products are, read
 * in the list's own query so that a queue shows progress without a call per row.
 *
 * @param productsDone products settled: {@code DONE}, {@code NO_DATA} or {@code SKIPPED}
 * @param productsTotal products the request involves (0 until its workflow has fanned out)
 */
@Serdeable
@Schema(name = "ListedRequest", allOf = RequestView.class)
public record ListedRequest(
        @JsonUnwrapped @Schema(hidden = true) RequestView request, int productsDone, int productsTotal) {

    /** The same progress with the view changed (what a reader may see of it). */
    ListedRequest map(UnaryOperator<RequestView> shown) {
        return new ListedRequest(shown.apply(request), productsDone, productsTotal);
    }
}
