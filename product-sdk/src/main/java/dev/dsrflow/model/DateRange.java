package dev.dsrflow.model;

import java.time.Instant;

/**
 * A half-open interval [from, to) of instants; either end may be null (unbounded).
 */
public record DateRange(Instant from, Instant to) {
    public static final DateRange ALL = new DateRange(null, null);

    /** Whether the instant lies inside the range. */
    public boolean contains(Instant at) {
        return (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
    }
}
