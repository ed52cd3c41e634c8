package dev.dsrflow.workflow.preservation;

import dev.dsrflow.model.LegalProcess;
import dev.dsrflow.model.LegalProcessKind;
import java.time.Duration;
import java.time.Instant;

/**
 * How long a preservation lasts. A preservation letter (18 U.S.C. 2703(f)) lasts 90 days from
 * receipt (or less if the letter says so) and may be renewed once by 90 more; other processes
 * last until their stated expiry, or until released when they state none.
 */
public final class HoldTerm {
    /** The statutory term of a preservation letter, and of its one renewal. */
    public static final Duration LETTER_TERM = Duration.ofDays(90);

    private HoldTerm() {}

    /** When the hold lapses on its own; null when it lasts until released. */
    public static Instant initialExpiry(LegalProcess process, Instant receivedAt) {
        if (process.kind() == LegalProcessKind.PRESERVATION_LETTER) {
            Instant statutory = receivedAt.plus(LETTER_TERM);
            return process.expiresAt() != null && process.expiresAt().isBefore(statutory)
                    ? process.expiresAt()
                    : statutory;
        }
        return process.expiresAt();
    }

    /** The latest instant a renewal may reach from the current expiry; null: no limit. */
    public static Instant renewalLimit(LegalProcess process, Instant currentExpiry) {
        return process.kind() == LegalProcessKind.PRESERVATION_LETTER ? currentExpiry.plus(LETTER_TERM) : null;
    }

    /** Whether the process may be renewed again after {@code renewals} renewals. */
    public static boolean renewable(LegalProcess process, int renewals) {
        return process.kind() != LegalProcessKind.PRESERVATION_LETTER || renewals == 0;
    }
}
