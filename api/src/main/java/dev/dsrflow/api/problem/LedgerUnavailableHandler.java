package dev.dsrflow.api.problem;

import dev.dsrflow.ledger.LedgerUnavailableException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The ledger database did not answer: 503, so clients retry (nothing was half-written). */
@Singleton
@Produces(Problem.MEDIA_TYPE)
class LedgerUnavailableHandler implements ExceptionHandler<LedgerUnavailableException, HttpResponse<Problem>> {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerUnavailableHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, LedgerUnavailableException exception) {
        LOG.warn(
                "ledger unavailable: {}",
                exception.getCause() == null
                        ? "unknown"
                        : exception.getCause().getClass().getSimpleName());
        HttpStatus status = HttpStatus.SERVICE_UNAVAILABLE;
        return Problems.response(new Problem(
                "/problems/unavailable",
                status.getReason(),
                status.getCode(),
                "The request ledger did not answer; try again",
                null));
    }
}
