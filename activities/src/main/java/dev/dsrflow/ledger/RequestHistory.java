package dev.dsrflow.ledger;

import java.util.List;

/** A request's events and its signed head, read together from the ledger. */
public record RequestHistory(String requestId, List<StoredEvent> events, SignedHead head) {
    public RequestHistory {
        events = List.copyOf(events);
    }
}
