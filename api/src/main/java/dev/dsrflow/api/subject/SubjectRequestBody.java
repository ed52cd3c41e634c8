package dev.dsrflow.api.subject;

import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.RequestType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /v1/subject-requests}: a person asks for their own data.
 *
 * @param type ACCESS, DOWNLOAD or DELETION
 * @param email the person's address: the code and every notice go there
 * @param jurisdiction the law they ask under
 */
@Serdeable
@Schema(name = "SubjectRequest")
public record SubjectRequestBody(
        @Nullable RequestType type,
        @Nullable String email,
        @Nullable Jurisdiction jurisdiction) {
    @Override
    public String toString() {
        return "SubjectRequestBody[" + type + " " + jurisdiction + "]";
    }
}
