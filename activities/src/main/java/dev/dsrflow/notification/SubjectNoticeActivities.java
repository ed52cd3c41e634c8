package dev.dsrflow.notification;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Notices to a request's data subject, by e-mail, through a durable outbox in the ledger. The
 * only place that opens the subject's sealed address. Each notice is sent once, whatever the
 * retries: its idempotency key is {@link SubjectNotice#id()}.
 */
@ActivityInterface(namePrefix = "SubjectNotice")
public interface SubjectNoticeActivities {
    /** Sends the notice unless the outbox has it sent already; does nothing for a request without contact. */
    @ActivityMethod
    void send(SubjectNotice notice);

    /**
     * Draws a 6-digit code from a CSPRNG, keeps only its keyed hash (outbox row), mails the code
     * and returns the hash. Retried after the mail left, it mails nothing and returns the hash of
     * the code that was mailed.
     */
    @ActivityMethod
    String sendCode(SubjectNotice notice);

    /** Whether the entered code is the one whose keyed hash is given (constant time). */
    @ActivityMethod
    boolean codeMatches(CodeCheck check);
}
