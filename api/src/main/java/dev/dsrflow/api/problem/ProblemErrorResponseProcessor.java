package dev.dsrflow.api.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Turns the framework's own errors (401 and 403 from security, unknown routes, unsupported
 * media types, oversized bodies, conversion failures) into problem documents, so that every
 * error the API answers has the same shape.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        String detail = switch (status) {
            case UNAUTHORIZED -> "Credentials are missing or invalid";
            case FORBIDDEN -> "Your role may not do this";
            case NOT_FOUND -> "No such resource";
            case REQUEST_ENTITY_TOO_LARGE -> "The request body is too large";
            default ->
                status.getCode() >= 500
                        ? "The server could not answer this request"
                        : context.getErrors().stream()
                                .map(Error::getMessage)
                                .findFirst()
                                .orElse(status.getReason());
        };
        List<FieldError> errors = status == HttpStatus.REQUEST_ENTITY_TOO_LARGE
                ? List.of(new FieldError("body", "too large"))
                : List.of();
        Problem problem = new Problem("about:blank", status.getReason(), status.getCode(), detail, errors);
        return response.contentType(Problem.MEDIA_TYPE).body(problem);
    }
}
