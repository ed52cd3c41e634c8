package dev.dsrflow.console;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.handlers.RedirectingLoginHandler;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Ends an OIDC login (the identity provider's redirect back to {@code /oauth/callback/dsrflow},
 * after Micronaut's OpenID client has exchanged the code and checked the ID token): the person
 * gets a console session like the login form's. The session cookie is SameSite=Strict, so it
 * would not be sent on the redirect chain the identity provider started; the answer is a page
 * that moves on to the console itself, a navigation of this site.
 */
@Singleton
@Requires(env = "oidc")
class OidcLoginHandler implements RedirectingLoginHandler<HttpRequest<?>, MutableHttpResponse<?>> {
    private final ConsoleSessions sessions;
    private final LoginForm form;

    OidcLoginHandler(ConsoleSessions sessions, LoginForm form) {
        this.sessions = sessions;
        this.form = form;
    }

    @Override
    public MutableHttpResponse<?> loginSuccess(Authentication person, HttpRequest<?> request) {
        if (!LoginForm.mayUseConsole(person)) {
            return form.page(request, LoginForm.NOT_FOR_YOUR_ROLE).status(HttpStatus.FORBIDDEN);
        }
        ConsoleSession session = sessions.open(person);
        String home = LoginController.home(ConsoleGuard.person(session));
        return Pages.html(new ModelAndView<>("console/signedIn", Map.of("name", person.getName(), "home", home)))
                .cookie(ConsoleSessions.cookie(
                        ConsoleSessions.COOKIE, session.id(), request.isSecure(), ConsoleSessions.LIFETIME));
    }

    @Override
    public MutableHttpResponse<?> loginRefresh(Authentication person, String refreshToken, HttpRequest<?> request) {
        return HttpResponse.status(HttpStatus.BAD_REQUEST);
    }

    @Override
    public MutableHttpResponse<?> loginFailed(AuthenticationResponse answer, HttpRequest<?> request) {
        String why = answer.getMessage().map(m -> " (" + m + ")").orElse("");
        return form.page(request, "Your identity provider did not sign you in" + why + ". Please try again.")
                .status(HttpStatus.UNAUTHORIZED);
    }
}
