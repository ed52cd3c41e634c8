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

    /**
     * When a deletion's grace period ends: {@code policy.gracePeriod} after receipt, but never later
     * than the due date less {@code policy.eraseBudget} (and never before receipt), so erasure starts
     * in time for the date the law sets whatever the configured period.
     */
    public static GraceEnd graceEndsAt(Instant receivedAt, Instant dueAt, RequestPolicy policy) {
        Instant configured = receivedAt.plus(policy.gracePeriod());
        Instant latest = dueAt.minus(policy.eraseBudget());
        if (!configured.isAfter(latest)) {
            return new GraceEnd(configured, configured);
        }
        return new GraceEnd(latest.isBefore(receivedAt) ? receivedAt : latest, configured);
    }

    /** A grace period's end, and the end the configured period alone would give. */
    public record GraceEnd(Instant endsAt, Instant configured) {
        /** True when the due date moved the end before the configured one. */
        public boolean shortened() {
            return endsAt.isBefore(configured);
        }
    }

    /** When the warning before a due date is raised. */
    public static Instant warningAt(Instant dueAt, RequestPolicy policy) {
        return dueAt.minus(policy.warningLead());
    }
}
