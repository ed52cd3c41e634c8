package dev.dsrflow.workflow.testing;

import dev.dsrflow.notification.MailTransport;
import dev.dsrflow.notification.OutgoingMail;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The relay end of the workflow tests' notices: keeps what the real notice activity rendered and
 * handed over (SMTP itself is tested against GreenMail in the API and runtime tests).
 */
public final class Mailbox implements MailTransport {
    private static final Pattern CODE = Pattern.compile("^\\s+(\\d{6})\\s*$", Pattern.MULTILINE);

    private final List<OutgoingMail> mails = new CopyOnWriteArrayList<>();

    @Override
    public void send(OutgoingMail mail) {
        mails.add(mail);
    }

    public List<OutgoingMail> all() {
        return List.copyOf(mails);
    }

    /** The subject lines of what was sent, in order. */
    public List<String> subjects() {
        return mails.stream().map(OutgoingMail::subject).toList();
    }

    /** The code in the newest verification mail. */
    public String lastCode() {
        for (int i = mails.size() - 1; i >= 0; i--) {
            Matcher m = CODE.matcher(mails.get(i).text());
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("no verification code was mailed");
    }
}
