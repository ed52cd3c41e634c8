package dev.dsrflow.api.mail;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;

/**
 * The SMTP relay notices to data subjects leave through (env {@code SMTP_HOST}, {@code SMTP_PORT},
 * {@code SMTP_STARTTLS}, {@code SMTP_USERNAME}, {@code SMTP_PASSWORD}, {@code SMTP_FROM}). The
 * default runtime points it at its embedded GreenMail server.
 *
 * @param host the relay's host
 * @param port its port
 * @param startTls require STARTTLS (a real relay)
 * @param username login, if the relay wants one
 * @param password its password
 * @param from the sender address of every notice
 */
@ConfigurationProperties("dsrflow.mail.smtp")
public record SmtpSettings(
        @NotBlank String host,
        int port,
        boolean startTls,
        @Nullable String username,
        @Nullable String password,
        @NotBlank String from) {
    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + "]";
    }
}
