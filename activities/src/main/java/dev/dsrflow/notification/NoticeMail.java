package dev.dsrflow.notification;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a notice's plain-text and HTML parts from the templates of its jurisdiction (compiled
 * into this jar: {@code src/main/jte-mail-text}, {@code src/main/jte-mail-html}).
 */
public final class NoticeMail {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MOMENT =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);

    private final NoticeSettings settings;
    private final StatusTokens statusTokens;
    private final TemplateEngine html = TemplateEngine.createPrecompiled(
            null, ContentType.Html, NoticeMail.class.getClassLoader(), "dev.dsrflow.notification.mail.html");
    private final TemplateEngine text = TemplateEngine.createPrecompiled(
            null, ContentType.Plain, NoticeMail.class.getClassLoader(), "dev.dsrflow.notification.mail.text");

    public NoticeMail(NoticeSettings settings, StatusTokens statusTokens) {
        this.settings = settings;
        this.statusTokens = statusTokens;
    }

    /** The rendered parts of a notice. */
    public record Rendered(String subject, String text, String html) {}

    /** Renders {@code notice}; {@code code} only for a verification code notice. */
    public Rendered render(SubjectNotice notice, String code) {
        NoticeModel model = model(notice, code);
        String subject = subject(notice);
        String template = notice.jurisdiction().name().toLowerCase(Locale.ROOT) + ".jte";
        StringOutput plain = new StringOutput();
        text.render(template, Map.of("m", model), plain);
        StringOutput rich = new StringOutput();
        html.render(template, Map.of("m", model, "title", subject), rich);
        return new Rendered(subject, plain.toString(), rich.toString());
    }

    private NoticeModel model(SubjectNotice n, String code) {
        String base = settings.baseUrl();
        return new NoticeModel(
                n.kind(),
                n.requestType().name().toLowerCase(Locale.ROOT),
                n.requestId(),
                code,
                codeMinutes(n),
                n.dueAt() == null ? null : DAY.format(n.dueAt().atZone(ZoneOffset.UTC)),
                n.reason(),
                base + "/v1/subject-requests/" + n.requestId() + "?token=" + statusTokens.issue(n.requestId()),
                n.linkToken() == null ? null : base + "/v1/packages/" + n.linkToken(),
                moment(n.linkExpiresAt()),
                n.kept() == null ? List.of() : n.kept(),
                settings.authority(),
                settings.authorityUrl());
    }

    /** A code notice's lifetime in minutes, rounded up (the policy's; the settings' when unknown). */
    private long codeMinutes(SubjectNotice n) {
        if (n.kind() != NoticeKind.VERIFICATION_CODE || n.linkExpiresAt() == null) {
            return settings.codeTtl().toMinutes();
        }
        long seconds = Duration.between(Instant.now(), n.linkExpiresAt()).getSeconds();
        return Math.max(1, (seconds + 59) / 60);
    }

    private static String moment(Instant at) {
        return at == null ? null : MOMENT.format(at.atZone(ZoneOffset.UTC));
    }

    private static String subject(SubjectNotice n) {
        String type = n.requestType().name().toLowerCase(Locale.ROOT);
        return switch (n.kind()) {
            case VERIFICATION_CODE -> "Your verification code";
            case ACKNOWLEDGEMENT -> "We received your " + type + " request";
            case EXTENSION -> "Your " + type + " request: a new due date";
            case ACCESS_READY -> "Your access report";
            case DOWNLOAD_READY -> "Your data is ready to download";
            case DELETION_DONE -> "Your data has been deleted";
            case REJECTED -> "Your " + type + " request could not be completed";
        };
    }
}
