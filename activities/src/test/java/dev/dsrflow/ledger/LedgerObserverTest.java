package dev.dsrflow.ledger;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the ledger tells its observer (metrics): each filing, transition and event once, however often retried. */
class LedgerObserverTest {
    private static final Instant RECEIVED = Instant.parse("2026-03-01T09:00:00Z");
    private static LedgerStore store;
    private static final List<String> SEEN = new ArrayList<>();

    @BeforeAll
    static void database() {
        DataSource ds = TestDatabase.fresh();
        LedgerSchema.migrate(ds);
        store = new LedgerStore(ds, LedgerStoreTest.KEYS);
        store.observe(new LedgerObserver() {
            @Override
            public void filed(RequestSpec spec) {
                SEEN.add("filed " + spec.id());
            }

            @Override
            public void recorded(RequestSnapshot snapshot, RequestStatus previous, List<LedgerEvent> stored) {
                SEEN.add(previous + "->" + snapshot.status() + " "
                        + stored.stream().map(LedgerEvent::kind).toList());
            }

            @Override
            public void wrote(String operation, long nanos, boolean ok) {
                assertThat(nanos).isPositive();
                assertThat(ok).isTrue();
            }
        });
    }

    private static NewRequest request(String id) {
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
        return new NewRequest(spec, new byte[] {1}, List.of("sk-1"), "key-" + id, "hash-" + id);
    }

    private static LedgerEntry entry(String id, long revision, RequestStatus status, String event) {
        RequestSnapshot snapshot = new RequestSnapshot(
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
        return new LedgerEntry(
                snapshot, List.of(new LedgerEvent(id + ":" + revision, RECEIVED, "system", event, null, "")));
    }

    @Test
    void aRetriedWriteTellsNothingNewAndARequestEndsOnce() {
        store.file(request("o1"));
        store.file(request("o1")); // replayed idempotency key: not a new filing
        store.record(entry("o1", 1, RequestStatus.IN_PROGRESS, "STARTED"));
        store.record(entry("o1", 2, RequestStatus.COMPLETED, "COMPLETED"));
        store.record(entry("o1", 2, RequestStatus.COMPLETED, "COMPLETED")); // the retry
        store.record(entry("o1", 3, RequestStatus.COMPLETED, "PACKAGE_PURGED"));
        assertThat(SEEN)
                .containsExactly(
                        "filed o1",
                        "RECEIVED->IN_PROGRESS [STARTED]",
                        "IN_PROGRESS->COMPLETED [COMPLETED]",
                        "null->COMPLETED []",
                        "COMPLETED->COMPLETED [PACKAGE_PURGED]");
    }
}
