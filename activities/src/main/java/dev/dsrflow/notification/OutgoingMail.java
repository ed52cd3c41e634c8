package dev.dsrflow.notification;

/**
 * A rendered notice, ready for the relay.
 *
 * @param to the address (opened from the ledger for this send only; never logged)
 * @param subject the mail's subject line
 * @param text the plain-text part
 * @param html the HTML part
 * @param attachmentName name of an attached HTML file (the access report), or null
 * @param attachment its bytes, or null
 */
public record OutgoingMail(
        String to, String subject, String text, String html, String attachmentName, byte[] attachment) {
    @Override
    public String toString() {
        return "OutgoingMail[" + subject + "]";
    }
}
