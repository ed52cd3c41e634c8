package dev.dsrflow.notification;

import dev.dsrflow.blob.BlobStore;
import dev.dsrflow.codec.SealedContacts;
import dev.dsrflow.ledger.LedgerStore;
import dev.dsrflow.report.ReportKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends notices to data subjects by e-mail through the outbox. The request's sealed contact is
 * opened here, for the send, and goes nowhere else: log lines name the notice id only.
 */
public final class SubjectNoticeActivitiesImpl implements SubjectNoticeActivities {
    private static final Logger LOG = LoggerFactory.getLogger(SubjectNoticeActivitiesImpl.class);

    private final LedgerStore ledger;
    private final SealedContacts contacts;
    private final NoticeOutbox outbox;
    private final NoticeMail mail;
    private final VerificationCodes codes;
    private final MailTransport transport;
    private final BlobStore blobs;
    private final NoticeObserver observer;

    /** Tells {@code observer} how each send ended (for the metrics; {@link NoticeObserver#NONE}: nobody). */
    public SubjectNoticeActivitiesImpl(
            LedgerStore ledger,
            SealedContacts contacts,
            NoticeOutbox outbox,
            NoticeMail mail,
            VerificationCodes codes,
            MailTransport transport,
            BlobStore blobs,
            NoticeObserver observer) {
        this.ledger = ledger;
        this.contacts = contacts;
        this.outbox = outbox;
        this.mail = mail;
        this.codes = codes;
        this.transport = transport;
        this.blobs = blobs;
        this.observer = observer;
    }

    @Override
    public void send(SubjectNotice notice) {
        deliver(notice, null);
    }

    @Override
    public String sendCode(SubjectNotice notice) {
        return deliver(notice, codes.draw());
    }

    @Override
    public boolean codeMatches(CodeCheck check) {
        return check.code() != null && codes.matches(check.noticeId(), check.codeHash(), check.code());
    }

    /** Sends once; returns the keyed hash of the code the subject received (null without a code). */
    private String deliver(SubjectNotice notice, String code) {
        Optional<byte[]> sealed = ledger.contactCiphertext(notice.requestId());
        if (sealed.isEmpty()) {
            LOG.info("notice {} not sent: the request has no contact address", notice.id());
            return null;
        }
        NoticeOutbox.Claim claim =
                outbox.claim(notice.id(), notice.requestId(), notice.kind().name());
        if (claim.alreadySent()) {
            return claim.codeHash();
        }
        String hash = code == null ? null : codes.hash(notice.id(), code);
        NoticeMail.Rendered rendered = mail.render(notice, code);
        boolean report = notice.kind() == NoticeKind.ACCESS_READY;
        try {
            transport.send(new OutgoingMail(
                    contacts.open(sealed.get()),
                    rendered.subject(),
                    rendered.text(),
                    rendered.html(),
                    report ? "access-report.html" : null,
                    report ? accessReport(notice.requestId()) : null));
        } catch (RuntimeException e) {
            outbox.release(notice.id());
            observer.attempted(notice.kind(), false);
            throw e;
        }
        observer.attempted(notice.kind(), true);
        outbox.markSent(notice.id(), hash);
        LOG.info("notice {} sent", notice.id());
        return hash;
    }

    private byte[] accessReport(String requestId) {
        try (InputStream in = blobs.open(ReportKeys.html(requestId))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the access report", e);
        }
    }
}
