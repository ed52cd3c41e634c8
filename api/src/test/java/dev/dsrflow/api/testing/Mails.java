package dev.dsrflow.api.testing;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what GreenMail received: recipients, subject lines, plain-text parts, codes. */
public final class Mails {
    private static final Pattern CODE = Pattern.compile("^\\s+(\\d{6})\\s*$", Pattern.MULTILINE);

    private Mails() {}

    /** The messages sent to {@code address}, oldest first. */
    public static List<MimeMessage> to(MimeMessage[] received, String address) {
        return Arrays.stream(received)
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(a -> a.toString().equals(address));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    public static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The message's first part of this type ("text/plain", "text/html"), decoded. */
    public static String part(MimeMessage m, String type) {
        try {
            String found = find(m, type);
            if (found == null) {
                throw new AssertionError("no " + type + " part");
            }
            return found;
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String find(Part p, String type) throws Exception {
        if (p.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition())) {
            return (String) p.getContent();
        }
        if (p.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart part = mp.getBodyPart(i);
                String found = find(part, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The six-digit code in a verification mail's text. */
    public static String code(MimeMessage m) {
        Matcher matcher = CODE.matcher(part(m, "text/plain"));
        if (!matcher.find()) {
            throw new AssertionError("no code in the mail");
        }
        return matcher.group(1);
    }

    /** The first link in the text that starts with {@code prefix}. */
    public static String link(MimeMessage m, String prefix) {
        Matcher matcher = Pattern.compile(Pattern.quote(prefix) + "\\S+").matcher(part(m, "text/plain"));
        if (!matcher.find()) {
            throw new AssertionError("no link " + prefix + " in the mail: " + part(m, "text/plain"));
        }
        return matcher.group();
    }
}
