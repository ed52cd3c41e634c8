package dev.dsrflow.console;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.Set;

/** Finds the person's console session for a page, and checks the CSRF token of every form they post. */
@Singleton
public class ConsoleGuard {
    /** The form field (and htmx header) carrying the CSRF token. */
    public static final String CSRF_FIELD = "csrf";

    public static final String CSRF_HEADER = "X-CSRF-Token";

    private final ConsoleSessions sessions;

    ConsoleGuard(ConsoleSessions sessions) {
        this.sessions = sessions;
    }

    /** The session of a page request; without one the person is sent to the login page. */
    public ConsoleSession session(HttpRequest<?> request) {
        return sessions.find(request).orElseThrow(LoginRequired::new);
    }

    /** The session of a form post whose CSRF token (field or header) matches the session's. */
    public ConsoleSession post(HttpRequest<?> request, String formToken) {
        ConsoleSession session = session(request);
        String token = formToken != null ? formToken : request.getHeaders().get(CSRF_HEADER);
        if (!ConsoleSessions.same(session.csrf(), token)) {
            throw new CsrfRefused();
        }
        return session;
    }

    /** The page frame for this session, taking its pending message. */
    public Frame frame(ConsoleSession session, String title, String active) {
        return new Frame(title, active, person(session), session.takeFlash());
    }

    public static Person person(ConsoleSession session) {
        return new Person(
                session.person().getName(), Set.copyOf(session.person().getRoles()), session.csrf());
    }

    /** No console session: the login page follows. */
    public static final class LoginRequired extends RuntimeException {
        LoginRequired() {
            super("login required", null, false, false);
        }
    }

    /** A form post without the session's CSRF token. */
    public static final class CsrfRefused extends RuntimeException {
        CsrfRefused() {
            super("the form's CSRF token does not match the session", null, false, false);
        }
    }
}
