package dev.dsrflow.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.Authenticator;
import io.micronaut.security.authentication.UsernamePasswordCredentials;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.time.Duration;
import reactor.core.publisher.Flux;

/**
 * The login form (checked by the same authentication providers as the API's Basic users), the
 * logout, and the landing page that sends each role to its first page. The login form carries
 * a CSRF token bound to a short-lived cookie, so no other site can log a person in. In the
 * {@code oidc} environment the page offers the identity provider's sign-in instead
 * ({@link OidcLoginHandler}).
 */
@Controller("/console")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class LoginController {
    static final String PATH = "/console/login";

    private final Authenticator<HttpRequest<?>> authenticator;
    private final ConsoleSessions sessions;
    private final LoginForm form;

    LoginController(Authenticator<HttpRequest<?>> authenticator, ConsoleSessions sessions, LoginForm form) {
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.form = form;
    }

    @Get
    HttpResponse<?> landing(HttpRequest<?> request) {
        return sessions.find(request)
                .<HttpResponse<?>>map(s -> HttpResponse.seeOther(URI.create(home(ConsoleGuard.person(s)))))
                .orElseGet(() -> HttpResponse.seeOther(URI.create(PATH)));
    }

    @Get("/login")
    HttpResponse<?> form(HttpRequest<?> request) {
        if (sessions.find(request).isPresent()) {
            return HttpResponse.seeOther(URI.create("/console"));
        }
        return form.page(request, null);
    }

    @Post(value = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> login(
            HttpRequest<?> request, @Nullable String username, @Nullable String password, @Nullable String csrf) {
        String expected = request.getCookies()
                .findCookie(LoginForm.COOKIE)
                .map(Cookie::getValue)
                .orElse(null);
        if (!ConsoleSessions.same(expected, csrf)) {
            return form.page(request, "The login form expired; please try again.");
        }
        if (!form.passwords()) {
            return form.page(request, "This deployment signs people in through its identity provider.");
        }
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            return form.page(request, "Enter your user name and password.");
        }
        AuthenticationResponse answer = Flux.from(
                        authenticator.authenticate(request, new UsernamePasswordCredentials(username.trim(), password)))
                .blockFirst(Duration.ofSeconds(10));
        if (answer == null
                || !answer.isAuthenticated()
                || answer.getAuthentication().isEmpty()) {
            return form.page(request, "Unknown user name or wrong password.");
        }
        var person = answer.getAuthentication().get();
        if (!LoginForm.mayUseConsole(person)) {
            return form.page(request, LoginForm.NOT_FOR_YOUR_ROLE);
        }
        ConsoleSession session = sessions.open(person);
        boolean secure = request.isSecure();
        return HttpResponse.seeOther(URI.create(home(ConsoleGuard.person(session))))
                .cookie(ConsoleSessions.cookie(ConsoleSessions.COOKIE, session.id(), secure, ConsoleSessions.LIFETIME))
                .cookie(ConsoleSessions.cookie(LoginForm.COOKIE, "", secure, Duration.ZERO));
    }

    @Post(value = "/logout", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<?> logout(HttpRequest<?> request, @Nullable String csrf) {
        sessions.find(request).ifPresent(session -> {
            if (ConsoleSessions.same(session.csrf(), csrf)) {
                sessions.close(session);
            }
        });
        return HttpResponse.seeOther(URI.create(PATH))
                .cookie(ConsoleSessions.cookie(ConsoleSessions.COOKIE, "", request.isSecure(), Duration.ZERO));
    }

    /** Each role's first page: the queue for privacy-ops, the holds for legal, the evidence for auditors. */
    static String home(Person person) {
        if (person.ops()) {
            return "/console/queue";
        }
        return person.legal() ? "/console/holds" : "/console/evidence";
    }
}
