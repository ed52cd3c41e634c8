package dev.dsrflow.api.mail;

import dev.dsrflow.codec.CodecKeys;
import dev.dsrflow.codec.SealedContacts;
import dev.dsrflow.notification.MailTransport;
import dev.dsrflow.notification.NoticeMail;
import dev.dsrflow.notification.NoticeSettings;
import dev.dsrflow.notification.StatusTokens;
import dev.dsrflow.workflow.lifecycle.IdentityCheck;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.exceptions.DisabledBeanException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.email.EmailSender;
import io.micronaut.email.javamail.sender.MailPropertiesProvider;
import io.micronaut.email.javamail.sender.SessionProvider;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import java.util.Properties;
import java.util.function.Supplier;

/** Notices to data subjects: the SMTP session (Micronaut Email, Jakarta Mail) and the notice activity. */
@Factory
class MailFactory {

    /** Replaces the properties Micronaut Email would read under {@code javamail.*}: dsrflow's are {@code SMTP_*}. */
    @Singleton
    @Primary
    MailPropertiesProvider mailProperties(SmtpSettings smtp) {
        Properties p = new Properties();
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", smtp.host());
        p.put("mail.smtp.port", String.valueOf(smtp.port()));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "10000");
        p.put("mail.smtp.writetimeout", "10000");
        if (smtp.startTls()) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        if (smtp.username() != null && !smtp.username().isBlank()) {
            p.put("mail.smtp.auth", "true");
        }
        return () -> p;
    }

    /**
     * A session of this context's own. Micronaut Email's default takes Jakarta Mail's JVM-wide
     * default session, which keeps the first relay it was given: a second context in the same JVM
     * (a runtime restarted in process, the next test class) would mail to the first one's port.
     */
    @Singleton
    @Primary
    SessionProvider smtpSession(MailPropertiesProvider properties, @Nullable Authenticator login) {
        Session session = Session.getInstance(properties.mailProperties(), login);
        return () -> session;
    }

    @Singleton
    Authenticator smtpLogin(SmtpSettings smtp) {
        if (smtp.username() == null || smtp.username().isBlank()) {
            throw new DisabledBeanException("the SMTP relay takes no login");
        }
        PasswordAuthentication login = new PasswordAuthentication(smtp.username(), smtp.password());
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return login;
            }
        };
    }

    @Singleton
    MailTransport mailTransport(EmailSender<?, ?> sender, SmtpSettings smtp) {
        return new MicronautMailTransport(sender, smtp.from());
    }

    @Singleton
    SealedContacts sealedContacts(CodecKeys keys) {
        return new SealedContacts(keys);
    }

    @Singleton
    NoticeMail noticeMail(NoticeSettingsProperties settings, StatusTokens tokens, BeanProvider<EmbeddedServer> server) {
        Supplier<String> publicUrl =
                settings.publicUrl() == null || settings.publicUrl().isBlank()
                        ? () -> server.find(null)
                                .map(s -> "http://localhost:" + s.getPort())
                                .orElse("http://localhost:8080")
                        : settings::publicUrl;
        return new NoticeMail(
                new NoticeSettings(publicUrl, settings.authority(), settings.authorityUrl(), IdentityCheck.CODE_TTL),
                tokens);
    }
}
