package dev.dsrflow.workflow.lifecycle;

import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.RequestPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * When a request is due, from its {@code receivedAt} (never the workflow's start), in UTC:
 * GDPR one calendar month (Jan 31 → Feb 28/29), extendable once by two further months
 * (Art. 12(3)); CCPA 45 days, extendable once by 45 more; OTHER the configured period,
 * extendable once by the same period again.
 */
public final class DeadlinePolicy {
    private DeadlinePolicy() {}

    /** The due date before any extension. */
    public static Instant dueAt(Jurisdiction jurisdiction, Instant receivedAt, RequestPolicy policy) {
        return switch (jurisdiction) {
            case GDPR -> receivedAt.atZone(ZoneOffset.UTC).plusMonths(1).toInstant();
            case CCPA -> receivedAt.plus(Duration.ofDays(45));
            case OTHER -> receivedAt.plus(policy.otherDeadline());
        };
    }

    /** The due date after the one permitted extension. */
    public static Instant extendedDueAt(Jurisdiction jurisdiction, Instant receivedAt, RequestPolicy policy) {
        return switch (jurisdiction) {
            case GDPR -> receivedAt.atZone(ZoneOffset.UTC).plusMonths(3).toInstant();
            case CCPA -> receivedAt.plus(Duration.ofDays(90));
            case OTHER -> receivedAt.plus(policy.otherDeadline().multipliedBy(2));
        };
    }

    /** When the warning before a due date is raised. */
    public static Instant warningAt(Instant dueAt, RequestPolicy policy) {
        return dueAt.minus(policy.warningLead());
    }
}
