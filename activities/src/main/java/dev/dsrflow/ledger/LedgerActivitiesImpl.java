package dev.dsrflow.ledger;

import java.util.List;

/** Writes the ledger for workflows; every call is idempotent (see {@link LedgerStore}). */
public final class LedgerActivitiesImpl implements LedgerActivities {
    private final LedgerStore store;

    public LedgerActivitiesImpl(LedgerStore store) {
        this.store = store;
    }

    @Override
    public void record(LedgerEntry entry) {
        store.record(entry);
    }

    @Override
    public List<LedgerEvent> decisions(String requestId) {
        return store.decisions(requestId);
    }
}
