package dev.dsrflow.console;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Authenticates a request by its console session cookie, for the console's pages and for the
 * API calls the console makes on the person's behalf (so the API sees the person as actor).
 * Cross-site use of the cookie is prevented by SameSite=Strict, by the API accepting JSON bodies
 * only, and by the CSRF token on every console form.
 */
@Singleton
class SessionAuthentication implements AuthenticationFetcher<HttpRequest<?>> {
    private final ConsoleSessions sessions;

    SessionAuthentication(ConsoleSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        return sessions.find(request).map(s -> Publishers.just(s.person())).orElseGet(Publishers::empty);
    }
}
