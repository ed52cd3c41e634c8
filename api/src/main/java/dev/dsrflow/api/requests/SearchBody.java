package dev.dsrflow.api.requests;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The filters of {@code GET /v1/requests} in a body, so that a subject identifier never has to
 * travel in a URL (where proxies and access logs keep it). Same meaning, same validation.
 */
@Serdeable
@Schema(name = "RequestSearch")
public record SearchBody(
        @Nullable String type,
        @Nullable String status,
        @Nullable String jurisdiction,
        @Nullable String product,

        @Nullable @Schema(description = "a subject identifier (user id, email or phone)")
        String subject,

        @Nullable String dueBefore,
        @Nullable Boolean overdue,
        @Nullable Integer page,
        @Nullable Integer size) {

    @Override
    public String toString() {
        return "SearchBody[redacted]";
    }
}
