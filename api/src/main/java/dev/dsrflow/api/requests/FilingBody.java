package dev.dsrflow.api.requests;

import dev.dsrflow.catalogue.InformationCategory;
import dev.dsrflow.model.ExportFormat;
import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.LegalProcessKind;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.model.Verification;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * The body of {@code POST /v1/requests}. Validated by {@link FilingValidator}; the constraints
 * here document the contract in the OpenAPI document.
 */
@Serdeable
@Schema(name = "NewRequest")
public record FilingBody(
        @NotNull RequestType type,
        @NotNull Subject subject,
        @NotNull Jurisdiction jurisdiction,

        @Nullable @Schema(description = "defaults to every registered product")
        List<String> products,

        @Nullable List<InformationCategory> categories,
        @Nullable Range dateRange,

        @Nullable @Schema(description = "DOWNLOAD only; default JSON")
        ExportFormat format,

        @Nullable @Schema(description = "required for PRESERVATION, refused otherwise")
        Legal legalProcess,

        @Nullable @Size(max = FilingValidator.MAX_NOTE) String note,

        @Nullable
        @Schema(description = "VERIFIED (default: privacy-ops vouch) or REQUIRED (a code is mailed to the subject)")
        Verification verification,

        @Nullable @Size(max = 254) @Schema(description = "where notices go, when not the subject's e-mail")
        String contactEmail) {

    /** The subject's identifiers: at least one. */
    @Serdeable
    @Schema(name = "Subject")
    public record Subject(
            @Nullable String userId,
            @Nullable String email,
            @Nullable String phone) {
        @Override
        public String toString() {
            return "Subject[redacted]";
        }
    }

    /** A half-open range [from, to). */
    @Serdeable
    @Schema(name = "DateRange")
    public record Range(@Nullable Instant from, @Nullable Instant to) {}

    /** The legal process behind a preservation. */
    @Serdeable
    @Schema(name = "LegalProcess")
    public record Legal(
            @NotNull LegalProcessKind kind,
            @NotNull String reference,
            @Nullable String authority,
            @Nullable Instant expiresAt) {}

    @Override
    public String toString() {
        return "FilingBody[" + type + " " + jurisdiction + "]";
    }
}
