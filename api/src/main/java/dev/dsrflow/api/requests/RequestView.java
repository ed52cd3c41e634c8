package dev.dsrflow.api.requests;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.ProductTaskStatus;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.workflow.lifecycle.DeadlinePolicy;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A request as the API shows it: never the subject's identifiers, only the subject key.
 * {@code products} is left out of list items.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Request")
public record RequestView(
        String id,
        RequestType type,
        RequestStatus status,
        Jurisdiction jurisdiction,
        String subjectKey,
        Instant receivedAt,
        @Nullable Instant dueAt,

        @Schema(description = "dueAt has passed and the request is not final")
        boolean overdue,

        boolean extended,
        String requestedBy,
        @Nullable String approvedBy,
        @Nullable Instant graceEndsAt,
        @Nullable Instant holdExpiresAt,
        @Nullable Instant completedAt,
        @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) List<ProductView> products,
        @Nullable Download download,

        @Nullable @Schema(description = "the deletion certificate, once issued")
        Object certificate,

        @Schema(
                description = "every subject key of the person: the filed subjectKey first, then the keys of the"
                        + " identifiers the products that own identity linked to it (never the identifiers)")
        List<String> subjectKeys,

        @Schema(description = "a deletion's grace period was shortened to end the erase budget before the due date")
        boolean graceShortened,

        @Nullable @Schema(description = "when the configured grace period would have ended, if it was shortened")
        Instant graceConfiguredEndsAt) {

    /** The filer name of a request an authorized agent filed through DRP: {@code drp:<agent-id>}. */
    public static final String DRP_FILER_PREFIX = "drp:";

    /** How the request came in: {@code DRP} when an authorized agent filed it, else absent. */
    @Nullable
    @JsonProperty("channel")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "DRP when an authorized agent filed the request through the Data Rights Protocol")
    public String getChannel() {
        return getAgentId() == null ? null : "DRP";
    }

    /** The authorized agent that filed the request through DRP, else absent. */
    @Nullable
    @JsonProperty("agentId")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "the DRP agent-id of the authorized agent that filed the request")
    public String getAgentId() {
        return requestedBy != null && requestedBy.startsWith(DRP_FILER_PREFIX)
                ? requestedBy.substring(DRP_FILER_PREFIX.length())
                : null;
    }

    /**
     * A request just filed: RECEIVED, no products yet (its workflow sets them), and the due date the
     * law gives it, by the same rule its workflow applies (a preservation has none).
     */
    public static RequestView filed(dev.dsrflow.model.RequestSpec spec) {
        return new RequestView(
                spec.id(),
                spec.type(),
                RequestStatus.RECEIVED,
                spec.jurisdiction(),
                spec.subjectKey(),
                spec.receivedAt(),
                spec.type() == RequestType.PRESERVATION
                        ? null
                        : DeadlinePolicy.dueAt(spec.jurisdiction(), spec.receivedAt(), spec.policy()),
                false,
                false,
                spec.requestedBy(),
                null,
                null,
                null,
                null,
                List.of(),
                null,
                null,
                List.of(spec.subjectKey()),
                false,
                null);
    }

    /**
     * What a product team may see: only its own products (null in lists), and neither the
     * download link nor the certificate.
     */
    public RequestView forProductTeam(List<ProductView> ownProducts) {
        return withParts(ownProducts, null, null);
    }

    /**
     * The view without the live download link ({@code download.url}, a bearer link to the
     * subject's data): what every role but PRIVACY_OPS sees. Expiry, digest and size stay.
     */
    public RequestView withoutDownloadLink() {
        if (download == null || download.url() == null) {
            return this;
        }
        return withParts(
                products,
                new Download(null, download.expiresAt(), download.sha256(), download.bytes(), download.purged()),
                certificate);
    }

    private RequestView withParts(List<ProductView> products, Download download, Object certificate) {
        return new RequestView(
                id,
                type,
                status,
                jurisdiction,
                subjectKey,
                receivedAt,
                dueAt,
                overdue,
                extended,
                requestedBy,
                approvedBy,
                graceEndsAt,
                holdExpiresAt,
                completedAt,
                products,
                download,
                certificate,
                subjectKeys,
                graceShortened,
                graceConfiguredEndsAt);
    }

    /** One product's part of the request. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "ProductTask")
    public record ProductView(
            String product,
            ProductTaskStatus status,
            int attempts,
            @Nullable Instant updatedAt,
            @Nullable String detail,
            @Nullable Map<String, Object> result) {}

    /** The download package's link, once issued. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Download")
    public record Download(@Nullable String url, Instant expiresAt, String sha256, long bytes, boolean purged) {}
}
