package dev.dsrflow.ledger;

import java.util.List;

/** One idempotent write to the ledger: the latest snapshot and the events that led to it. */
public record LedgerEntry(RequestSnapshot snapshot, List<LedgerEvent> events) {
    public LedgerEntry {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
