package dev.dsrflow.console;

import dev.dsrflow.api.security.Roles;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The login page as this deployment offers it: the password form where the API takes passwords,
 * the identity provider's sign-in where the {@code oidc} environment configures the console's
 * OIDC client, each with the CSRF token of the form bound to a short-lived cookie.
 */
@Singleton
class LoginForm {
    static final String COOKIE = "DSRFLOW_CONSOLE_LOGIN";
    /** Where the OIDC sign-in starts: Micronaut's OAuth route for the console's client, "dsrflow". */
    static final String OIDC_START = "/oauth/login/dsrflow";

    static final String NOT_FOR_YOUR_ROLE =
            "The console is for privacy-ops, legal and auditors; product teams use the API.";
    private static final Set<String> CONSOLE_ROLES = Set.of(Roles.PRIVACY_OPS, Roles.LEGAL, Roles.AUDITOR);

    private final boolean passwords;
    private final boolean oidc;

    /**
     * @param passwords false where the API takes no passwords either (the {@code oidc} environment
     *     with Basic users off)
     * @param oidc whether the console's OIDC client is configured and on
     */
    LoginForm(
            @Value("${micronaut.security.basic-auth.enabled:true}") boolean passwords,
            @Value("${micronaut.security.oauth2.clients.dsrflow.enabled:false}") boolean oidc) {
        this.passwords = passwords;
        this.oidc = oidc;
    }

    boolean passwords() {
        return passwords;
    }

    /** Whether a person who proved who they are holds a role the console serves. */
    static boolean mayUseConsole(Authentication person) {
        return person.getRoles().stream().anyMatch(CONSOLE_ROLES::contains);
    }

    /** The login page with a fresh form token, and why the last attempt failed if it did. */
    MutableHttpResponse<?> page(HttpRequest<?> request, String error) {
        String token = ConsoleSessions.token();
        LoginPage page = new LoginPage(token, error, passwords, oidc ? OIDC_START : null);
        return Pages.html(new ModelAndView<>("console/login", Map.of("page", page)))
                .cookie(ConsoleSessions.cookie(COOKIE, token, request.isSecure(), Duration.ofHours(1)));
    }
}
