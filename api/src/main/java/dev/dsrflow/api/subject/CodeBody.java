package dev.dsrflow.api.subject;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The body of {@code POST /v1/subject-requests/{id}/verify}: the six digits mailed to the subject. */
@Serdeable
public record CodeBody(@Nullable String code) {
    @Override
    public String toString() {
        return "CodeBody[redacted]";
    }
}
