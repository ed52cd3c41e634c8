package dev.dsrflow.ledger;

import static dev.dsrflow.ledger.LedgerStoreTest.KEYS;
import static dev.dsrflow.ledger.LedgerStoreTest.request;
import static dev.dsrflow.ledger.LedgerStoreTest.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import dev.dsrflow.certificate.SigningKeys;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each request's chain head is stored with it and signed; a truncated or recomputed chain fails. */
class SignedHeadTest {
    private static final Instant AT = Instant.parse("2026-03-01T09:00:00.123456Z");
    private static LedgerStore store;
    private final HistoryVerifier verifier = new HistoryVerifier(KEYS.publicKeys());

    @BeforeAll
    static void database() {
        DataSource ds = TestDatabase.fresh();
        LedgerSchema.migrate(ds);
        store = new LedgerStore(ds, KEYS);
    }

    private static RequestHistory recorded(String id) {
        store.file(request(id, null, null));
        store.record(new LedgerEntry(
                snapshot(id, 1, RequestStatus.IN_PROGRESS),
                List.of(
                        new LedgerEvent(id + ":1", AT, "ops2", "APPROVED", null, "approved"),
                        new LedgerEvent(id + ":2", AT, "system", "PRODUCT_DONE", "profile", "erased 3"),
                        new LedgerEvent(id + ":3", AT, "system", "COMPLETED", null, "certificate issued"))));
        return store.history(id).orElseThrow();
    }

    @Test
    void theHeadIsTheLastEventAndIsSignedWithTheCertificateKey() throws Exception {
        RequestHistory history = recorded("h1");
        assertThat(history.head().seq()).isEqualTo(4);
        assertThat(history.head().hash()).isEqualTo(history.events().get(3).hash());
        JWSObject jws = JWSObject.parse(history.head().jws());
        assertThat(jws.getHeader().getKeyID()).isEqualTo(KEYS.keyId());
        assertThat(jws.getPayload().toJSONObject())
                .containsEntry("requestId", "h1")
                .containsEntry("seq", 4L);

        HistoryVerifier.Verdict verdict = verifier.check(history);
        assertThat(verdict.valid()).as(verdict.reason()).isTrue();
        assertThat(store.history("nobody")).isEmpty();
    }

    @Test
    void aTruncatedChainNoLongerVerifies() {
        RequestHistory history = recorded("h2");
        List<StoredEvent> truncated = history.events().subList(0, 3);
        assertThat(EventChain.verify("h2", truncated))
                .as("what remains is an intact chain")
                .isTrue();

        HistoryVerifier.Verdict verdict = verifier.check(new RequestHistory("h2", truncated, history.head()));
        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.reason()).contains("ends at event 3 but the signed head is at event 4");
    }

    @Test
    void aRecomputedChainNoLongerVerifies() {
        RequestHistory history = recorded("h3");
        List<StoredEvent> recomputed = new ArrayList<>();
        String prev = EventChain.GENESIS;
        for (StoredEvent e : history.events()) {
            String detail = e.seq() == 3 ? "erased 0" : e.detail();
            String hash = EventChain.hash(prev, "h3", e.seq(), e.at(), e.actor(), e.kind(), e.product(), detail);
            recomputed.add(new StoredEvent(e.seq(), e.at(), e.actor(), e.kind(), e.product(), detail, prev, hash));
            prev = hash;
        }
        assertThat(EventChain.verify("h3", recomputed))
                .as("the rewritten chain is consistent")
                .isTrue();

        HistoryVerifier.Verdict verdict = verifier.check(new RequestHistory("h3", recomputed, history.head()));
        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.reason()).contains("recomputed");
    }

    @Test
    void aHeadSignedByAnotherKeyOrOfAnotherRequestDoesNotVouchForTheChain() {
        RequestHistory history = recorded("h4");
        HistoryVerifier stranger =
                new HistoryVerifier(SigningKeys.of(KEYS.keyId(), "another-secret-of-at-least-32-bytes!!".getBytes())
                        .publicKeys());
        assertThat(stranger.check(history).reason()).contains("signature does not match");

        RequestHistory other = recorded("h5");
        HistoryVerifier.Verdict swapped = verifier.check(new RequestHistory("h4", history.events(), other.head()));
        assertThat(swapped.valid()).isFalse();
        assertThat(swapped.reason()).contains("of request h5, not h4");
    }

    @Test
    void theMigrationRecomputesChainsRecordedBeforeItAndLeavesTheirHeadsUnsignedUntilTheNextEvent() throws Exception {
        DataSource ds = TestDatabase.fresh();
        Flyway.configure()
                .dataSource(ds)
                .schemas(LedgerSchema.SCHEMA)
                .defaultSchema(LedgerSchema.SCHEMA)
                .locations("classpath:db/ledger")
                .target("1")
                .load()
                .migrate();
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps =
                    c.prepareStatement("insert into ledger.requests (id, type, status, jurisdiction,"
                            + " subject_key, received_at, requested_by, spec_ciphertext) values ('old',"
                            + " 'ACCESS', 'IN_PROGRESS',"
                            + " 'GDPR', 'sk-1', now(), 'ops', '\\x01')")) {
                ps.executeUpdate();
            }
            String[][] rows = {{"ops", "FILED", null, "filed"}, {"système", "PRODUCT_DONE", "profile", "found 2"}};
            for (int i = 0; i < rows.length; i++) {
                try (PreparedStatement ps = c.prepareStatement("insert into ledger.request_events (request_id, seq,"
                        + " event_id, at, actor, kind, product, detail, prev_hash, hash) values ('old',?,?,?,?,?,?,?,"
                        + " 'separator-era','separator-era')")) {
                    ps.setLong(1, i + 1);
                    ps.setString(2, "old:" + i);
                    ps.setTimestamp(3, Timestamp.from(AT.plusSeconds(i)));
                    ps.setString(4, rows[i][0]);
                    ps.setString(5, rows[i][1]);
                    ps.setString(6, rows[i][2]);
                    ps.setString(7, rows[i][3]);
                    ps.executeUpdate();
                }
            }
        }
        LedgerSchema.migrate(ds);
        LedgerStore migrated = new LedgerStore(ds, KEYS);

        RequestHistory before = migrated.history("old").orElseThrow();
        assertThat(EventChain.verify("old", before.events()))
                .as("the SQL encoding is EventChain's")
                .isTrue();
        assertThat(before.head().seq()).isEqualTo(2);
        assertThat(before.head().jws()).isNull();
        assertThat(verifier.check(before).reason()).contains("not signed");

        migrated.record(new LedgerEntry(
                snapshot("old", 1, RequestStatus.COMPLETED),
                List.of(new LedgerEvent("old:2", AT, "system", "COMPLETED", null, "done"))));
        HistoryVerifier.Verdict after = verifier.check(migrated.history("old").orElseThrow());
        assertThat(after.valid()).as(after.reason()).isTrue();
    }
}
