package dev.dsrflow.ledger;

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
}
