package dev.dsrflow.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * A request as the pages show it, read from the API's view: never an identifier, only the
 * subject key. {@code urgency} is {@code overdue} (red), {@code warning} (amber, inside the
 * warning window), {@code ok}, or {@code none} for a request that is over.
 */
public record RequestSummary(
        String id,
        String type,
        String status,
        String jurisdiction,
        String subjectKey,
        String received,
        String due,
        Long daysLeft,
        String urgency,
        boolean extended,
        String requestedBy,
        String approvedBy,
        String graceEnds,
        String holdExpires,
        String completed) {

    /** Request statuses that are over: nothing more will happen. */
    public static final Set<String> FINAL =
            Set.of("COMPLETED", "CANCELLED", "REJECTED", "RELEASED", "EXPIRED", "FAILED");

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    static RequestSummary of(JsonNode view, Instant now, Duration warningLead) {
        String status = text(view, "status");
        Instant due = instant(view, "dueAt");
        Long daysLeft = null;
        String urgency = "none";
        if (due != null && !FINAL.contains(status)) {
            long seconds = Duration.between(now, due).getSeconds();
            daysLeft = Math.floorDiv(seconds, 86_400L) + (seconds % 86_400L == 0 ? 0 : 1);
            if (view.path("overdue").asBoolean(false) || due.isBefore(now)) {
                urgency = "overdue";
                daysLeft = Math.min(daysLeft, 0);
            } else if (due.isBefore(now.plus(warningLead))) {
                urgency = "warning";
            } else {
                urgency = "ok";
            }
        }
        return new RequestSummary(
                text(view, "id"),
                text(view, "type"),
                status,
                text(view, "jurisdiction"),
                text(view, "subjectKey"),
                minute(instant(view, "receivedAt")),
                day(due),
                daysLeft,
                urgency,
                view.path("extended").asBoolean(false),
                text(view, "requestedBy"),
                text(view, "approvedBy"),
                minute(instant(view, "graceEndsAt")),
                minute(instant(view, "holdExpiresAt")),
                minute(instant(view, "completedAt")));
    }

    public boolean isFinal() {
        return FINAL.contains(status);
    }

    /** What the days-left cell says. */
    public String daysLeftText() {
        if (daysLeft == null) {
            return "—";
        }
        if ("overdue".equals(urgency)) {
            return "overdue";
        }
        return daysLeft + (daysLeft == 1 ? " day" : " days");
    }

    /** The first eight characters of the id, for tables. */
    public String shortId() {
        return id == null || id.length() < 8 ? id : id.substring(0, 8);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }

    static Instant instant(JsonNode node, String field) {
        String text = text(node, field);
        return text == null ? null : Instant.parse(text);
    }

    static String day(Instant at) {
        return at == null ? null : DAY.format(at);
    }

    static String minute(Instant at) {
        return at == null ? null : MINUTE.format(at);
    }
}
