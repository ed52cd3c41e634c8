package dev.dsrflow.api.subject;

import dev.dsrflow.api.requests.RequestView;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.model.RequestType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * The subject's own status page ({@code GET /v1/subject-requests/{id}?token=}): what they asked,
 * where it stands, when it is due, and their download link once ready. Nothing about products.
 */
@Serdeable
public record SubjectStatus(
        String id,
        RequestType type,
        RequestStatus status,
        Instant receivedAt,
        @Nullable Instant dueAt,
        boolean extended,
        @Nullable Instant completedAt,
        @Nullable String downloadUrl,
        @Nullable Instant downloadExpiresAt) {

    static SubjectStatus of(RequestView v) {
        RequestView.Download d = v.download();
        boolean live = d != null && !d.purged();
        return new SubjectStatus(
                v.id(),
                v.type(),
                v.status(),
                v.receivedAt(),
                v.dueAt(),
                v.extended(),
                v.completedAt(),
                live ? d.url() : null,
                live ? d.expiresAt() : null);
    }
}
