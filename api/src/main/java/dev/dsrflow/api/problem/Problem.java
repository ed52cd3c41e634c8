package dev.dsrflow.api.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * An RFC 9457 problem document, the body of every error the API answers.
 *
 * @param type a URI naming the problem kind ({@code about:blank} when the status says it all)
 * @param title short summary of the problem kind
 * @param status the HTTP status
 * @param detail what went wrong with this request
 * @param errors for validation problems, each offending field
 */
@Serdeable
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
