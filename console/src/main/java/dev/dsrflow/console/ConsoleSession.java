package dev.dsrflow.console;

import io.micronaut.security.authentication.Authentication;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** One person's console login: who, the CSRF token of their forms, and a one-shot message for the next page. */
public final class ConsoleSession {
    private final String id;
    private final Authentication person;
    private final String csrf;
    private final AtomicReference<Instant> lastSeen;
    private final AtomicReference<Flash> flash = new AtomicReference<>();

    ConsoleSession(String id, Authentication person, String csrf, Instant now) {
        this.id = id;
        this.person = person;
        this.csrf = csrf;
        this.lastSeen = new AtomicReference<>(now);
    }

    /** A message shown once, on the next page the person sees. */
    public record Flash(String text, boolean error) {}

    String id() {
        return id;
    }

    public Authentication person() {
        return person;
    }

    public String csrf() {
        return csrf;
    }

    Instant lastSeen() {
        return lastSeen.get();
    }

    void touch(Instant now) {
        lastSeen.set(now);
    }

    /** Leaves a message for the next page. */
    public void flash(String text, boolean error) {
        flash.set(new Flash(text, error));
    }

    /** Takes the pending message, if any. */
    public Flash takeFlash() {
        return flash.getAndSet(null);
    }

    @Override
    public String toString() {
        return "ConsoleSession[" + person.getName() + "]";
    }
}
