package dev.dsrflow.runtime;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.dsrflow.notification.DemoMailbox;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The default runtime's SMTP server (GreenMail, in memory, on 127.0.0.1): notices to data
 * subjects are really sent, over SMTP, and land here, where the demo mailbox page reads them.
 */
final class EmbeddedMailServer implements DemoMailbox, Closeable {
    private final GreenMail greenMail;

    EmbeddedMailServer(int port) {
        this.greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    int port() {
        return greenMail.getSmtp().getPort();
    }

    @Override
    public List<Mail> received() {
        return Arrays.stream(greenMail.getReceivedMessages())
                .map(EmbeddedMailServer::mail)
                .toList();
    }

    private static Mail mail(MimeMessage m) {
        try {
            Address[] to = m.getAllRecipients();
            return new Mail(
                    m.getReceivedDate() == null
                            ? Instant.now()
                            : m.getReceivedDate().toInstant(),
                    to == null ? "" : Arrays.stream(to).map(Address::toString).collect(Collectors.joining(", ")),
                    m.getSubject(),
                    text(m));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot read a received mail", e);
        }
    }

    private static String text(Part p) throws MessagingException, IOException {
        if (p.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition())) {
            return String.valueOf(p.getContent());
        }
        if (p.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart part = mp.getBodyPart(i);
                String found = text(part);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
