package dev.dsrflow.notification;

import java.time.Instant;
import java.util.List;

/**
 * The mail the default runtime's embedded SMTP server received, for the demo mailbox page and
 * tests. Only the default runtime has one (a deployment sends through a real relay).
 */
public interface DemoMailbox {
    /** One received mail. */
    record Mail(Instant receivedAt, String to, String subject, String text) {
        @Override
        public String toString() {
            return "Mail[" + subject + "]";
        }
    }

    /** Everything received since start, oldest first. */
    List<Mail> received();
}
