package dev.dsrflow.api.subject;

import static org.owasp.encoder.Encode.forHtml;
import static org.owasp.encoder.Encode.forHtmlAttribute;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The privacy center's pages: plain HTML forms that work without JavaScript, labelled fields,
 * errors announced to screen readers. Every value is encoded (OWASP encoder); no page carries an
 * address, and no URL carries anything but a request id.
 */
final class PrivacyCenterPage {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private PrivacyCenterPage() {}

    static String form(String error) {
        return page("Ask about your data", alert(error) + """
                <p>Ask for a copy of the personal data we hold about you, a download of it, or its deletion.
                We send a code to your e-mail address to check that it is yours.</p>
                <form method="post" action="/privacy/request">
                  <fieldset>
                    <legend>What do you ask for?</legend>
                    <div><input type="radio" id="t-access" name="type" value="ACCESS" required>
                      <label for="t-access">Access: what data you hold about me, and why</label></div>
                    <div><input type="radio" id="t-download" name="type" value="DOWNLOAD">
                      <label for="t-download">Download: a copy of my data in a portable file</label></div>
                    <div><input type="radio" id="t-deletion" name="type" value="DELETION">
                      <label for="t-deletion">Deletion: erase my data</label></div>
                  </fieldset>
                  <p><label for="email">Your e-mail address</label><br>
                    <input type="email" id="email" name="email" autocomplete="email" required maxlength="254"></p>
                  <p><label for="jurisdiction">Where you live</label><br>
                    <select id="jurisdiction" name="jurisdiction">
                      <option value="GDPR">European Union, EEA or United Kingdom (GDPR)</option>
                      <option value="CCPA">California (CCPA)</option>
                      <option value="OTHER">Elsewhere</option>
                    </select></p>
                  <p><button type="submit">Send me a code</button></p>
                </form>""");
    }

    static String codeEntry(String requestId, String error) {
        String id = forHtmlAttribute(requestId);
        return page("Enter your code", alert(error) + """
                <p>We sent a six-digit code to the address you gave. It is good for 10 minutes and 5 tries.</p>
                <form method="post" action="/privacy/verify">
                  <input type="hidden" name="request" value="%s">
                  <p><label for="code">Code from the e-mail</label><br>
                    <input id="code" name="code" inputmode="numeric" pattern="[0-9]{6}" maxlength="6"
                      autocomplete="one-time-code" required></p>
                  <p><button type="submit">Confirm</button></p>
                </form>
                <form method="post" action="/privacy/resend">
                  <input type="hidden" name="request" value="%s">
                  <p><button type="submit">Send me a new code</button></p>
                </form>""".formatted(id, id));
    }

    static String verified() {
        return page("Your request is confirmed", """
                <p>Thank you. We sent you an e-mail with the date we will answer by and a link to follow
                your request.</p>""");
    }

    static String status(SubjectStatus s) {
        StringBuilder body = new StringBuilder("<dl>")
                .append(item("Request", s.id()))
                .append(item("Kind", s.type().name().toLowerCase(Locale.ROOT)))
                .append(item("Status", s.status().name().replace('_', ' ').toLowerCase(Locale.ROOT)))
                .append(item("Received", day(s.receivedAt())))
                .append(item("We answer by", day(s.dueAt()) + (s.extended() ? " (extended)" : "")));
        if (s.completedAt() != null) {
            body.append(item("Done", day(s.completedAt())));
        }
        body.append("</dl>");
        if (s.downloadUrl() != null) {
            body.append("<p><a href=\"")
                    .append(forHtmlAttribute(s.downloadUrl()))
                    .append("\">Download your data</a> (until ")
                    .append(forHtml(day(s.downloadExpiresAt())))
                    .append(")</p>");
        }
        return page("Your request", body.toString());
    }

    private static String item(String term, String value) {
        return "<dt>" + forHtml(term) + "</dt><dd>" + forHtml(value) + "</dd>";
    }

    private static String day(Instant at) {
        return at == null ? "-" : DAY.format(at.atZone(ZoneOffset.UTC));
    }

    private static String alert(String error) {
        return error == null ? "" : "<p role=\"alert\"><strong>" + forHtml(error) + "</strong></p>";
    }

    private static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s - Privacy center</title></head>
                <body style="font-family: sans-serif; line-height: 1.5; max-width: 40em; \
                margin: 2em auto; padding: 0 1em;">
                <main>
                <h1>%s</h1>
                %s
                </main>
                </body>
                </html>
                """.formatted(forHtml(title), forHtml(title), body);
    }
}
