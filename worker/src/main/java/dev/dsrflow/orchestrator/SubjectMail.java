package dev.dsrflow.orchestrator;

import dev.dsrflow.codec.SealedContacts;
import dev.dsrflow.notification.MailTransport;
import dev.dsrflow.notification.NoticeMail;
import dev.dsrflow.notification.VerificationCodes;
import jakarta.inject.Singleton;
import javax.sql.DataSource;

/**
 * What the orchestrator's notice activity mails with: the sealed contact addresses, the outbox's
 * database, the notices' templates, the verification codes and the SMTP relay.
 */
@Singleton
record SubjectMail(
        SealedContacts contacts,
        DataSource dataSource,
        NoticeMail notices,
        VerificationCodes codes,
        MailTransport transport) {}
