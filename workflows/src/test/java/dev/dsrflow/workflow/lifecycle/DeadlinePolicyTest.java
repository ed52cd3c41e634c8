package dev.dsrflow.workflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.RequestPolicy;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadlinePolicyTest {
    private static final RequestPolicy POLICY = RequestPolicy.DEFAULT;

    @ParameterizedTest(name = "GDPR received {0} is due {1}, extended {2}")
    @CsvSource({
        "2026-01-31T10:00:00Z, 2026-02-28T10:00:00Z, 2026-04-30T10:00:00Z",
        "2028-01-31T10:00:00Z, 2028-02-29T10:00:00Z, 2028-04-30T10:00:00Z",
        "2026-03-31T23:59:59Z, 2026-04-30T23:59:59Z, 2026-06-30T23:59:59Z",
        "2026-01-15T00:00:00Z, 2026-02-15T00:00:00Z, 2026-04-15T00:00:00Z",
        "2026-12-31T08:00:00Z, 2027-01-31T08:00:00Z, 2027-03-31T08:00:00Z",
        "2026-08-31T12:00:00Z, 2026-09-30T12:00:00Z, 2026-11-30T12:00:00Z"
    })
    void gdprIsOneCalendarMonthInUtcExtendableByTwoMore(Instant received, Instant due, Instant extended) {
        assertThat(DeadlinePolicy.dueAt(Jurisdiction.GDPR, received, POLICY)).isEqualTo(due);
        assertThat(DeadlinePolicy.extendedDueAt(Jurisdiction.GDPR, received, POLICY))
                .isEqualTo(extended);
    }

    @ParameterizedTest(name = "CCPA received {0} is due {1}, extended {2}")
    @CsvSource({
        "2026-01-31T10:00:00Z, 2026-03-17T10:00:00Z, 2026-05-01T10:00:00Z",
        "2028-02-01T00:00:00Z, 2028-03-17T00:00:00Z, 2028-05-01T00:00:00Z",
        "2026-12-20T15:30:00Z, 2027-02-03T15:30:00Z, 2027-03-20T15:30:00Z"
    })
    void ccpaIsFortyFiveDaysExtendableByFortyFiveMore(Instant received, Instant due, Instant extended) {
        assertThat(DeadlinePolicy.dueAt(Jurisdiction.CCPA, received, POLICY)).isEqualTo(due);
        assertThat(DeadlinePolicy.extendedDueAt(Jurisdiction.CCPA, received, POLICY))
                .isEqualTo(extended);
    }

    @Test
    void otherUsesTheConfiguredPeriod() {
        RequestPolicy policy = new RequestPolicy(
                Duration.ofDays(30), Duration.ofDays(4), Duration.ofDays(20), Duration.ofDays(3), false);
        Instant received = Instant.parse("2026-05-01T00:00:00Z");
        assertThat(DeadlinePolicy.dueAt(Jurisdiction.OTHER, received, policy))
                .isEqualTo(Instant.parse("2026-05-21T00:00:00Z"));
        assertThat(DeadlinePolicy.extendedDueAt(Jurisdiction.OTHER, received, policy))
                .isEqualTo(Instant.parse("2026-06-10T00:00:00Z"));
        assertThat(DeadlinePolicy.warningAt(Instant.parse("2026-05-21T00:00:00Z"), policy))
                .isEqualTo(Instant.parse("2026-05-18T00:00:00Z"));
    }

    @ParameterizedTest(name = "{0} received {1}: grace ends {2}, shortened {3}")
    @CsvSource({
        "GDPR, 2026-01-31T10:00:00Z, 2026-02-21T10:00:00Z, true",
        "GDPR, 2026-12-30T10:00:00Z, 2027-01-23T10:00:00Z, true",
        "GDPR, 2026-12-31T10:00:00Z, 2027-01-24T10:00:00Z, true",
        "GDPR, 2028-01-31T10:00:00Z, 2028-02-22T10:00:00Z, true",
        "GDPR, 2026-01-15T00:00:00Z, 2026-02-08T00:00:00Z, true",
        "GDPR, 2026-03-01T00:00:00Z, 2026-03-25T00:00:00Z, true",
        "CCPA, 2026-01-31T10:00:00Z, 2026-03-02T10:00:00Z, false",
        "CCPA, 2028-02-29T10:00:00Z, 2028-03-30T10:00:00Z, false"
    })
    void aGracePeriodEndsNoLaterThanTheDueDateLessTheEraseBudget(
            Jurisdiction jurisdiction, Instant received, Instant ends, boolean shortened) {
        Instant due = DeadlinePolicy.dueAt(jurisdiction, received, POLICY);
        DeadlinePolicy.GraceEnd end = DeadlinePolicy.graceEndsAt(received, due, POLICY);
        assertThat(end.endsAt()).isEqualTo(ends);
        assertThat(end.shortened()).isEqualTo(shortened);
        assertThat(end.endsAt()).isBeforeOrEqualTo(due.minus(RequestPolicy.DEFAULT_ERASE_BUDGET));
    }

    @Test
    void theEraseBudgetIsThePolicysAndAGraceNeverEndsBeforeReceipt() {
        Instant received = Instant.parse("2026-01-31T10:00:00Z");
        Instant due = DeadlinePolicy.dueAt(Jurisdiction.GDPR, received, POLICY);
        assertThat(DeadlinePolicy.graceEndsAt(received, due, POLICY.withEraseBudget(Duration.ofDays(14)))
                        .endsAt())
                .isEqualTo(Instant.parse("2026-02-14T10:00:00Z"));
        DeadlinePolicy.GraceEnd none =
                DeadlinePolicy.graceEndsAt(received, due, POLICY.withEraseBudget(Duration.ofDays(60)));
        assertThat(none.endsAt()).isEqualTo(received);
        assertThat(none.shortened()).isTrue();
        RequestPolicy shortGrace = new RequestPolicy(
                Duration.ofDays(10), Duration.ofDays(4), Duration.ofDays(30), Duration.ofDays(7), false);
        assertThat(DeadlinePolicy.graceEndsAt(received, due, shortGrace).shortened())
                .isFalse();
    }
}
