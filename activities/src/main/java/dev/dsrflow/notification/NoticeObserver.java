package dev.dsrflow.notification;

/**
 * Sees each attempt to mail a notice to a data subject end: sent, or failed (the activity then
 * retries it). A notice the outbox had already sent, or that has no address to go to, is no
 * attempt. Told the notice's kind only, never its request or its address.
 */
public interface NoticeObserver {
    /** Observes nothing. */
    NoticeObserver NONE = (kind, sent) -> {};

    /** A notice of this kind left for the relay ({@code sent}), or the relay refused it. */
    void attempted(NoticeKind kind, boolean sent);
}
