package dev.dsrflow.api.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A request's audit timeline from the ledger; {@code verified} says the hash chain, recomputed
 * now, is intact.
 */
@Serdeable
@Schema(name = "History")
public record HistoryView(List<Event> events, boolean verified) {

    /** One ledger event. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Event")
    public record Event(
            long seq,
            Instant at,
            String actor,
            String kind,
            @Nullable String product,
            @Nullable String detail,
            String hash,
            String prevHash) {}
}
