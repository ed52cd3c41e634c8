package dev.dsrflow.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Days left and their colour in the queue: red when overdue, amber inside the warning window. */
class RequestSummaryTest {
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final Duration WARNING = Duration.ofDays(7);

    @Test
    void aRequestDueInTwentyDaysIsOk() {
        RequestSummary r = summary("IN_PROGRESS", NOW.plus(Duration.ofDays(20)), false);
        assertThat(r.urgency()).isEqualTo("ok");
        assertThat(r.daysLeftText()).isEqualTo("20 days");
    }

    @Test
    void aRequestDueInsideTheWarningWindowIsAmber() {
        RequestSummary r = summary("IN_PROGRESS", NOW.plus(Duration.ofHours(30)), false);
        assertThat(r.urgency()).isEqualTo("warning");
        assertThat(r.daysLeftText()).as("a part day counts as a day").isEqualTo("2 days");
    }

    @Test
    void aRequestPastItsDueDateIsRedAndSaysOverdue() {
        RequestSummary r = summary("IN_PROGRESS", NOW.minus(Duration.ofDays(2)), true);
        assertThat(r.urgency()).isEqualTo("overdue");
        assertThat(r.daysLeftText()).isEqualTo("overdue");
    }

    @Test
    void aFinishedRequestHasNoDaysLeft() {
        RequestSummary r = summary("COMPLETED", NOW.minus(Duration.ofDays(2)), false);
        assertThat(r.urgency()).isEqualTo("none");
        assertThat(r.daysLeftText()).isEqualTo("—");
        assertThat(r.isFinal()).isTrue();
    }

    static RequestSummary summary(String status, Instant due, boolean overdue) {
        return RequestSummary.of(view("DELETION", status, "ops", due, overdue, false), NOW, WARNING);
    }

    static JsonNode view(
            String type, String status, String requestedBy, Instant due, boolean overdue, boolean extended) {
        return new ObjectMapper()
                .createObjectNode()
                .put("id", "4f6c2a10-0000-4000-8000-000000000001")
                .put("type", type)
                .put("status", status)
                .put("jurisdiction", "GDPR")
                .put("subjectKey", "sk-1")
                .put("receivedAt", NOW.minus(Duration.ofDays(10)).toString())
                .put("dueAt", due.toString())
                .put("overdue", overdue)
                .put("extended", extended)
                .put("requestedBy", requestedBy);
    }
}
