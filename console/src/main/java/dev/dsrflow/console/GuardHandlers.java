package dev.dsrflow.console;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.net.URI;

/**
 * What the guard's refusals answer: a redirect to the login page, or 403 for a forged form; an
 * API refusal no page caught answers its status and detail.
 */
final class GuardHandlers {
    private GuardHandlers() {}

    @Singleton
    static final class ToLogin implements ExceptionHandler<ConsoleGuard.LoginRequired, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, ConsoleGuard.LoginRequired exception) {
            if (request.getHeaders().contains("HX-Request")) {
                // htmx swaps the answer in place: tell it to load the login page instead
                return HttpResponse.ok().header("HX-Redirect", LoginController.PATH);
            }
            return HttpResponse.seeOther(URI.create(LoginController.PATH));
        }
    }

    @Singleton
    static final class Forged implements ExceptionHandler<ConsoleGuard.CsrfRefused, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, ConsoleGuard.CsrfRefused exception) {
            return HttpResponse.status(HttpStatus.FORBIDDEN)
                    .contentType(MediaType.TEXT_PLAIN_TYPE)
                    .body("This form has expired or did not come from the console: reload the page and try again.");
        }
    }

    @Singleton
    static final class Refused implements ExceptionHandler<ApiRefusal, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, ApiRefusal refusal) {
            return HttpResponse.status(HttpStatus.valueOf(refusal.status()))
                    .contentType(MediaType.TEXT_PLAIN_TYPE)
                    .header("Cache-Control", "no-store")
                    .body(refusal.describe());
        }
    }
}
