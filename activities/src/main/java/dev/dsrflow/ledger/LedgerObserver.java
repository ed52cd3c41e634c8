package dev.dsrflow.ledger;

import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.model.RequestStatus;
import java.util.List;

/**
 * Told what the ledger just committed, so metrics can count requests exactly once however often
 * a workflow retries a write. Called after the commit on the writing thread: keep it cheap and
 * never throw.
 */
public interface LedgerObserver {
    /** Observes nothing. */
    LedgerObserver NONE = new LedgerObserver() {};

    /** A new request was filed (not called for a replayed or conflicting idempotency key). */
    default void filed(RequestSpec spec) {}

    /**
     * A snapshot and its events were written.
     *
     * @param snapshot the snapshot as written
     * @param previous the request's status before this write, or null when the snapshot was older
     *     than the stored one (nothing moved)
     * @param stored the events this write stored (not those an earlier attempt had stored)
     */
    default void recorded(RequestSnapshot snapshot, RequestStatus previous, List<LedgerEvent> stored) {}

    /** A ledger transaction ended after {@code nanos}; {@code ok} is false when it failed. */
    default void wrote(String operation, long nanos, boolean ok) {}
}
