package dev.dsrflow.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrflow.certificate.SigningKeys;
import dev.dsrflow.model.DateRange;
import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.RequestPolicy;
import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.product.RecordedCatalogue;
import dev.dsrflow.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LedgerStoreTest {
    private static final Instant RECEIVED = Instant.parse("2026-03-01T09:00:00Z");
    static final SigningKeys KEYS = SigningKeys.of("ledger-test", "ledger-head-secret-of-32-bytes-at-least".getBytes());
    private static LedgerStore store;

    @BeforeAll
    static void database() {
        DataSource ds = TestDatabase.fresh();
        LedgerSchema.migrate(ds);
        store = new LedgerStore(ds, KEYS);
    }

    static NewRequest request(String id, String key, String hash) {
        RequestSpec spec = new RequestSpec(
                id,
                RequestType.ACCESS,
                new SubjectIdentifiers("u-1", null, null),
                "sk-1",
                Jurisdiction.GDPR,
                List.of("profile"),
                Set.of(),
                DateRange.ALL,
                null,
                null,
                "ops",
                RECEIVED,
                null,
                RequestPolicy.DEFAULT,
                RecordedCatalogue.NONE);
        return new NewRequest(spec, new byte[] {1}, List.of("sk-1"), key, hash);
    }

    static RequestSnapshot snapshot(String id, long revision, RequestStatus status) {
        return new RequestSnapshot(
                id,
                revision,
                RequestType.ACCESS,
                status,
                Jurisdiction.GDPR,
                "sk-1",
                RECEIVED,
                null,
                false,
                "ops",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of());
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
        LedgerEntry entry = new LedgerEntry(
                snapshot("c1", 1, RequestStatus.IN_PROGRESS),
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

    @Test
    void aFilingStoresEveryDistinctSubjectKeyAndStartsTheChain() {
        NewRequest filed = request("e1", null, null);
        store.file(new NewRequest(filed.spec(), filed.specCiphertext(), List.of("sk-1", "sk-2", "sk-1"), null, null));
        List<StoredEvent> events = store.events("e1");
        assertThat(events).extracting(StoredEvent::kind).containsExactly("FILED");
        assertThat(events.get(0).prevHash()).isEqualTo(EventChain.GENESIS);
        assertThat(EventChain.verify("e1", events)).isTrue();
        assertThat(store.stillReceived(Instant.now().plusSeconds(60))).contains("e1");
    }

    @Test
    void anEntryOfSeveralEventsPartlyStoredAddsOnlyTheNewOnesInOrder() {
        store.file(request("f1", null, null));
        LedgerEvent started = new LedgerEvent("f1:1", RECEIVED, "system", "STARTED", null, "fan-out");
        LedgerEvent running = new LedgerEvent("f1:2", RECEIVED, "system", "PRODUCT_RUNNING", "profile", "attempt 1");
        LedgerEvent done = new LedgerEvent("f1:3", RECEIVED, "system", "PRODUCT_DONE", "profile", "found 0");
        store.record(new LedgerEntry(snapshot("f1", 1, RequestStatus.IN_PROGRESS), List.of(started)));
        store.record(new LedgerEntry(snapshot("f1", 2, RequestStatus.IN_PROGRESS), List.of(started, running, done)));
        store.record(new LedgerEntry(snapshot("f1", 2, RequestStatus.IN_PROGRESS), List.of(running, done)));
        List<StoredEvent> events = store.events("f1");
        assertThat(events)
                .extracting(StoredEvent::kind)
                .containsExactly("FILED", "STARTED", "PRODUCT_RUNNING", "PRODUCT_DONE");
        assertThat(events).extracting(StoredEvent::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(EventChain.verify("f1", events)).isTrue();
    }

    @Test
    void eventsOfAnUnknownRequestAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.record(new LedgerEntry(
                        snapshot("nobody", 1, RequestStatus.IN_PROGRESS),
                        List.of(new LedgerEvent("nobody:1", RECEIVED, "system", "STARTED", null, "x")))))
                .isInstanceOf(LedgerUnavailableException.class);
    }

    @Test
    void concurrentWritersOfOneRequestKeepOneChain() throws Exception {
        store.file(request("g1", null, null));
        int writers = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            List<java.util.concurrent.Future<?>> all = new java.util.ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                all.add(pool.submit(() -> {
                    for (int i = 0; i < 5; i++) {
                        store.record(new LedgerEntry(
                                snapshot("g1", 1 + writer * 10L + i, RequestStatus.IN_PROGRESS),
                                List.of(new LedgerEvent(
                                        "g1:" + writer + ":" + i,
                                        RECEIVED,
                                        "system",
                                        "NOTE",
                                        null,
                                        "writer " + writer))));
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : all) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<StoredEvent> events = store.events("g1");
        assertThat(events).hasSize(1 + writers * 5);
        assertThat(EventChain.verify("g1", events)).isTrue();
    }
}
