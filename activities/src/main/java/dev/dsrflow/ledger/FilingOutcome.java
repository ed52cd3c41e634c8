package dev.dsrflow.ledger;

/**
 * The result of filing: a new request, a replay of an earlier one with the same idempotency
 * key and body, or a conflict (same key, different body).
 */
public record FilingOutcome(Kind kind, String requestId) {
    public enum Kind {
        CREATED,
        REPLAYED,
        CONFLICT
    }
}
