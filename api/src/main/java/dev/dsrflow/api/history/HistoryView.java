package dev.dsrflow.api.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A request's audit timeline from the ledger, and its chain head signed with the certificate key.
 * {@code verified} says the chain, recomputed now, is intact and ends exactly at the signed head;
 * {@code reason} says why not. Saved as a file, this answer is what
 * {@code java -jar dsrflow.jar verify history.json --keys keys.json} checks offline.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "History")
public record HistoryView(
        String requestId, List<Event> events, @Nullable Head head, boolean verified, String reason) {

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

    /**
     * The chain head stored with the request.
     *
     * @param jws compact JWS (EdDSA) over {@code requestId, seq, hash, at}; null for a request
     *     recorded before heads were signed
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "HistoryHead")
    public record Head(long seq, String hash, @Nullable String jws) {}
}
