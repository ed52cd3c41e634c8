package dev.dsrflow.console;

import dev.dsrflow.api.security.Roles;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
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
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Flux;

/**
 * The login form (checked by the same authentication providers as the API's Basic users), the
 * logout, and the landing page that sends each role to its first page. The login form carries
 * a CSRF token bound to a short-lived cookie, so no other site can log a person in.
 */
@Controller("/console")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class LoginController {
    static final String PATH = "/console/login";
    private static final String LOGIN_COOKIE = "DSRFLOW_CONSOLE_LOGIN";
    private static final Set<String> CONSOLE_ROLES = Set.of(Roles.PRIVACY_OPS, Roles.LEGAL, Roles.AUDITOR);

    private final Authenticator<HttpRequest<?>> authenticator;
    private final ConsoleSessions sessions;
    private final boolean passwordsAccepted;

    /**
     * @param passwordsAccepted false where the API takes no passwords either (the {@code oidc}
     *     environment with Basic users off): then the form logs nobody in
     */
    LoginController(
            Authenticator<HttpRequest<?>> authenticator,
            ConsoleSessions sessions,
            @Value("${micronaut.security.basic-auth.enabled:true}") boolean passwordsAccepted) {
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.passwordsAccepted = passwordsAccepted;
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
        return page(request, null);
    }

    @Post(value = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> login(
            HttpRequest<?> request, @Nullable String username, @Nullable String password, @Nullable String csrf) {
        String expected = request.getCookies()
                .findCookie(LOGIN_COOKIE)
                .map(Cookie::getValue)
                .orElse(null);
        if (!ConsoleSessions.same(expected, csrf)) {
            return page(request, "The login form expired; please try again.");
        }
        if (!passwordsAccepted) {
            return page(
                    request,
                    "This deployment signs people in through its identity provider, and the console"
                            + " does not offer that login yet: use the API with a bearer token.");
        }
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            return page(request, "Enter your user name and password.");
        }
        AuthenticationResponse answer = Flux.from(
                        authenticator.authenticate(request, new UsernamePasswordCredentials(username.trim(), password)))
                .blockFirst(Duration.ofSeconds(10));
        if (answer == null
                || !answer.isAuthenticated()
                || answer.getAuthentication().isEmpty()) {
            return page(request, "Unknown user name or wrong password.");
        }
        var person = answer.getAuthentication().get();
        if (person.getRoles().stream().noneMatch(CONSOLE_ROLES::contains)) {
            return page(request, "The console is for privacy-ops, legal and auditors; product teams use the API.");
        }
        ConsoleSession session = sessions.open(person);
        boolean secure = request.isSecure();
        return HttpResponse.seeOther(URI.create(home(ConsoleGuard.person(session))))
                .cookie(ConsoleSessions.cookie(ConsoleSessions.COOKIE, session.id(), secure, Duration.ofHours(12)))
                .cookie(ConsoleSessions.cookie(LOGIN_COOKIE, "", secure, Duration.ZERO));
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

    private static MutableHttpResponse<?> page(HttpRequest<?> request, String error) {
        String token = ConsoleSessions.token();
        return HttpResponse.ok(new ModelAndView<>("console/login", Map.of("page", new LoginPage(token, error))))
                .header("Cache-Control", "no-store")
                .cookie(ConsoleSessions.cookie(LOGIN_COOKIE, token, request.isSecure(), Duration.ofHours(1)));
    }

    /** Each role's first page: the queue for privacy-ops, the holds for legal, the evidence for auditors. */
    static String home(Person person) {
        if (person.ops()) {
            return "/console/queue";
        }
        return person.legal() ? "/console/holds" : "/console/evidence";
    }
}
