package dev.dsrflow.api.drp;

import dev.dsrflow.api.problem.FieldError;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.List;

/** Answers a {@link DrpRefusal}: the protocol's JSON error state, or a bare 403 on key setup. */
@Singleton
@Produces(MediaType.APPLICATION_JSON)
@Requires(property = "dsrflow.drp.business-id")
class DrpRefusalHandler implements ExceptionHandler<DrpRefusal, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, DrpRefusal refusal) {
        if (refusal.isBare()) {
            return HttpResponse.status(io.micronaut.http.HttpStatus.FORBIDDEN);
        }
        DrpError body = new DrpError(
                Integer.toString(refusal.status()),
                refusal.getMessage(),
                refusal.fatal() ? Boolean.TRUE : null,
                refusal.field() == null ? List.of() : List.of(new FieldError(refusal.field(), refusal.getMessage())));
        return HttpResponse.status(io.micronaut.http.HttpStatus.valueOf(refusal.status()))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(body);
    }
}
