package dev.dsrflow.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrflow.model.DateRange;
import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.RequestPolicy;
import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LedgerStoreTest {
  private static final Instant RECEIVED = Instant.parse("2026-03-01T09:00:00Z");
  private static LedgerStore store;

  @BeforeAll
  static void database() {
    DataSource ds = TestDatabase.fresh();
    LedgerSchema.migrate(ds);
    store = new LedgerStore(ds);
  }

  private static NewRequest request(String id, String key, String hash) {
    RequestSpec spec = new RequestSpec(id, RequestType.ACCESS, new SubjectIdentifiers("u-1", null, null), "sk-1",
        Jurisdiction.GDPR, List.of("profile"), Set.of(), DateRange.ALL, null, null, "ops", RECEIVED, null,
        RequestPolicy.DEFAULT);
    return new NewRequest(spec, new byte[] {1}, List.of("sk-1"), key, hash);
  }

  private static RequestSnapshot snapshot(String id, long revision, RequestStatus status) {
    return new RequestSnapshot(id, revision, RequestType.ACCESS, status, Jurisdiction.GDPR, "sk-1", RECEIVED, null,
        false, "ops", null, null, null, null, null, null, null, List.of());
  }

  @Test
  void theSameIdempotencyKeyAndBodyReplaysTheFirstRequest() {
    assertThat(store.file(request("a1", "k1", "h1")).kind()).isEqualTo(FilingOutcome.Kind.CREATED);
    FilingOutcome again = store.file(request("a2", "k1", "h1"));
    assertThat(again).isEqualTo(new FilingOutcome(FilingOutcome.Kind.REPLAYED, "a1"));
  }

  @Test
  void theSameIdempotencyKeyWithAnotherBodyConflicts() {
    store.file(request("b1", "k2", "h1"));
    assertThat(store.file(request("b2", "k2", "h2")).kind()).isEqualTo(FilingOutcome.Kind.CONFLICT);
  }

  @Test
  void aRetriedWriteStoresItsEventsOnceAndKeepsTheChainIntact() {
    store.file(request("c1", null, null));
    LedgerEntry entry = new LedgerEntry(snapshot("c1", 1, RequestStatus.IN_PROGRESS),
        List.of(new LedgerEvent("c1:1", RECEIVED, "system", "STARTED", null, "fan-out")));
    store.record(entry);
    store.record(entry);
    List<StoredEvent> events = store.events("c1");
    assertThat(events).extracting(StoredEvent::kind).containsExactly("FILED", "STARTED");
    assertThat(EventChain.verify("c1", events)).isTrue();
  }

  @Test
  void anOlderSnapshotNeverOverwritesANewerOne() {
    store.file(request("d1", null, null));
    store.record(new LedgerEntry(snapshot("d1", 2, RequestStatus.COMPLETED), List.of()));
    store.record(new LedgerEntry(snapshot("d1", 1, RequestStatus.IN_PROGRESS), List.of()));
    assertThat(store.unfinished()).doesNotContain("d1");
  }
}
