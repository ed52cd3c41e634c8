package dev.dsrflow.notification;

/** Hands a mail to an SMTP relay (Micronaut Email in the API module). */
public interface MailTransport {
    /** Sends it; throws when the relay refused or could not be reached (the activity retries). */
    void send(OutgoingMail mail);
}
