package dev.dsrflow.console;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's login sessions: a random id in an HttpOnly, SameSite=Strict cookie, mapped in
 * memory to the person who logged in and to the CSRF token every form of theirs carries. A
 * session ends at logout or after {@code dsrflow.console.session-idle} without a request.
 * (micronaut-security-session is not published for Micronaut Security 4.15, hence this small store.)
 */
@Singleton
public class ConsoleSessions {
    /** The session cookie. */
    public static final String COOKIE = "DSRFLOW_CONSOLE";

    /** How long the browser keeps the session cookie (the session itself ends sooner when idle). */
    public static final Duration LIFETIME = Duration.ofHours(12);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, ConsoleSession> sessions = new ConcurrentHashMap<>();
    private final Duration idle;
    private final Clock clock = Clock.systemUTC();

    ConsoleSessions(@Value("${dsrflow.console.session-idle:30m}") Duration idle) {
        this.idle = idle;
    }

    /** Opens a session for a person who just proved who they are. */
    public ConsoleSession open(Authentication person) {
        dropExpired();
        ConsoleSession session = new ConsoleSession(token(), person, token(), clock.instant());
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session the request's cookie names, if any. */
    public Optional<ConsoleSession> find(HttpRequest<?> request) {
        return request.getCookies()
                .findCookie(COOKIE)
                .map(Cookie::getValue)
                .map(sessions::get)
                .filter(s -> {
                    Instant now = clock.instant();
                    if (s.lastSeen().plus(idle).isBefore(now)) {
                        sessions.remove(s.id());
                        return false;
                    }
                    s.touch(now);
                    return true;
                });
    }

    /** Ends the session. */
    public void close(ConsoleSession session) {
        sessions.remove(session.id());
    }

    /** The cookie that carries a session id (an empty value with max-age 0 clears it). */
    public static Cookie cookie(String name, String value, boolean secure, Duration maxAge) {
        return Cookie.of(name, value)
                .path("/")
                .httpOnly(true)
                .sameSite(SameSite.Strict)
                .secure(secure)
                .maxAge(maxAge);
    }

    /** A fresh unguessable token (256 bits). */
    public static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Compares two tokens in constant time; null never matches. */
    public static boolean same(String expected, String given) {
        return expected != null
                && given != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private void dropExpired() {
        Instant cutoff = clock.instant().minus(idle);
        sessions.values().removeIf(s -> s.lastSeen().isBefore(cutoff));
    }
}
