package dev.dsrflow.ledger;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/**
 * How workflows write the request ledger (as local activities: one marker event each).
 * Idempotent: a retried call never duplicates an event nor moves a snapshot backwards.
 */
@ActivityInterface(namePrefix = "Ledger")
public interface LedgerActivities {
    /** Upserts the request snapshot and appends the events not yet stored. */
    @ActivityMethod
    void record(LedgerEntry entry);

    /**
     * The decisions operators recorded for a request (approvals, the extension, products
     * completed or skipped by hand, a preservation's renewals and its requested release), oldest first: a
     * re-driven workflow applies them again.
     */
    @ActivityMethod
    List<LedgerEvent> decisions(String requestId);
}
