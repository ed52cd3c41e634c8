package dev.dsrflow.api.mail;

import dev.dsrflow.notification.MailTransport;
import dev.dsrflow.notification.OutgoingMail;
import io.micronaut.email.Attachment;
import io.micronaut.email.Email;
import io.micronaut.email.EmailSender;
import io.micronaut.email.MultipartBody;

/** Hands a notice to the SMTP relay through Micronaut Email (Jakarta Mail transport). */
final class MicronautMailTransport implements MailTransport {
    private final EmailSender<?, ?> sender;
    private final String from;

    MicronautMailTransport(EmailSender<?, ?> sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public void send(OutgoingMail mail) {
        Email.Builder email = Email.builder()
                .from(from)
                .to(mail.to())
                .subject(mail.subject())
                .body(new MultipartBody(mail.html(), mail.text()));
        if (mail.attachment() != null) {
            email.attachment(Attachment.builder()
                    .filename(mail.attachmentName())
                    .contentType("text/html")
                    .content(mail.attachment())
                    .build());
        }
        sender.send(email);
    }
}
