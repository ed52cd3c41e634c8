package dev.dsrflow.api.subject;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** Whether a text is one plain e-mail address (RFC 822 syntax, as Jakarta Mail parses it). */
public final class EmailAddresses {
    public static final int MAX_LENGTH = 254;

    private EmailAddresses() {}

    public static boolean valid(String address) {
        if (address == null || address.isBlank() || address.length() > MAX_LENGTH || address.indexOf('@') < 1) {
            return false;
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            return parsed.getPersonal() == null && parsed.getAddress().equals(address.trim());
        } catch (AddressException e) {
            return false;
        }
    }
}
