package dev.dsrflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsrflow.api.retention.RecordKeeping;
import dev.dsrflow.blob.BlobStore;
import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.packaging.PackageLayout;
import dev.dsrflow.report.ReportKeys;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The record-keeping job, on a clock moved 25 months past an old request's completion: the old
 * request loses its sealed spec, contact address and blobs and keeps a verifiable history with one
 * erasure event; a request completed 23 months before, an unfinished one and one whose subject is
 * under an active legal hold keep everything.
 */
@MicronautTest
class RecordKeepingTest extends ApiTestSupport {
    private static final Instant BASE = Instant.now().minus(Duration.ofDays(1));
    private static final SubjectIdentifiers GRACE = new SubjectIdentifiers("u-grace", "grace@example.com", null);
    private static final SubjectIdentifiers ALAN = new SubjectIdentifiers("u-alan", "alan@example.com", null);

    @Inject
    BlobStore blobs;

    @Inject
    RecordKeeping recordKeeping;

    private String old;
    private String recent;
    private String unfinished;
    private String held;
    private RecordKeeping movedOn;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("dsrflow.retention.batch-size", "2"); // several batches per sweep
        return properties;
    }

    @Override
    protected List<String> identifiersNeverLogged() {
        return List.of("grace@example.com", "u-grace", "alan@example.com", "u-alan");
    }

    @BeforeAll
    void requests() throws IOException {
        LedgerFixtures fixtures = fixtures();
        old = fixtures.insert(row(RequestType.DOWNLOAD, RequestStatus.COMPLETED, GRACE, BASE));
        recent = fixtures.insert(row(
                RequestType.ACCESS,
                RequestStatus.COMPLETED,
                GRACE,
                BASE.atOffset(ZoneOffset.UTC).plusMonths(2).toInstant()));
        unfinished = fixtures.insert(row(RequestType.ACCESS, RequestStatus.IN_PROGRESS, GRACE, BASE));
        held = fixtures.insert(row(RequestType.DELETION, RequestStatus.COMPLETED, ALAN, BASE));
        fixtures.insert(row(RequestType.PRESERVATION, RequestStatus.ACTIVE, ALAN, BASE));
        for (String id : List.of(old, recent, unfinished, held)) {
            execute("update ledger.requests set contact_ciphertext = '\\x0102' where id = '" + id + "'");
            put(PackageLayout.packageKey(id));
            put(PackageLayout.staging(id, "content") + "a.json");
            put(ReportKeys.json(id));
            put(ReportKeys.html(id));
        }
        // completion (fixtures: an hour after filing) plus 25 months
        Instant now = BASE.plus(Duration.ofHours(1))
                .atOffset(ZoneOffset.UTC)
                .plusMonths(25)
                .toInstant();
        movedOn = recordKeeping.withClock(Clock.fixed(now, ZoneOffset.UTC));
    }

    private static LedgerFixtures.Row row(
            RequestType type, RequestStatus status, SubjectIdentifiers subject, Instant received) {
        return new LedgerFixtures.Row(
                type, status, Jurisdiction.GDPR, subject, received, null, List.of("content"), null, "ops");
    }

    private void put(String key) throws IOException {
        try (OutputStream out = blobs.create(key)) {
            out.write("personal data".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void anOldRequestForgetsItsSealedDataOnceAndKeepsAVerifiedHistory() {
        assertThat(recordKeeping.sweep())
                .as("on today's clock nothing is old enough")
                .isZero();

        movedOn.sweep(); // the first sweep on the moved clock, unless the other test ran it before
        assertThat(movedOn.sweep()).as("a second run finds nothing left").isZero();

        assertThat(ledger.specCiphertext(old)).isEmpty();
        assertThat(ledger.contactCiphertext(old)).isEmpty();
        assertThat(blobs.exists(PackageLayout.packageKey(old))).isFalse();
        assertThat(blobs.exists(PackageLayout.staging(old, "content") + "a.json"))
                .isFalse();
        assertThat(blobs.exists(ReportKeys.json(old))).isFalse();
        assertThat(blobs.exists(ReportKeys.html(old))).isFalse();
        assertThat(count("select count(*) from ledger.requests where sealed_erased_at is not null and id = '" + old
                        + "'"))
                .isEqualTo(1);

        JsonNode history = get("/v1/requests/" + old + "/history", "auditor").json();
        assertThat(history.path("verified").asBoolean()).as(history.toString()).isTrue();
        List<String> kinds = new ArrayList<>();
        history.path("events").forEach(e -> kinds.add(e.path("kind").asText()));
        assertThat(kinds).filteredOn(RecordKeeping.EVENT::equals).hasSize(1);
        JsonNode last = history.path("events").get(kinds.size() - 1);
        assertThat(last.path("kind").asText()).isEqualTo(RecordKeeping.EVENT);
        assertThat(last.path("actor").asText()).isEqualTo("dsrflow");
        assertThat(history.toString()).doesNotContain("grace@example.com", "u-grace");

        Answer csv = call(
                HttpRequest.GET("/v1/requests?type=DOWNLOAD").accept("text/csv").basicAuth("auditor", "auditor"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains(old + ",DOWNLOAD,COMPLETED,GDPR," + subjectKey.primary(GRACE) + ",");
        assertThat(get("/v1/requests/" + old, "auditor").json().path("status").asText())
                .isEqualTo("COMPLETED");
    }

    @Test
    void twoProcessesSweepingAtOnceEraseEachRequestOnce() throws Exception {
        LedgerFixtures fixtures = fixtures();
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            many.add(fixtures.insert(row(RequestType.ACCESS, RequestStatus.COMPLETED, GRACE, BASE)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = pool.submit(movedOn::sweep);
            Future<Integer> b = pool.submit(movedOn::sweep);
            a.get();
            b.get();
        } finally {
            pool.shutdown();
        }
        String in = "('" + String.join("','", many) + "')";
        assertThat(count("select count(*) from ledger.requests where spec_ciphertext is null and id in " + in))
                .isEqualTo(7);
        assertThat(count("select count(*) from ledger.request_events where kind = '" + RecordKeeping.EVENT
                        + "' and request_id in " + in))
                .isEqualTo(7);
        for (String id : many) {
            assertThat(get("/v1/requests/" + id + "/history", "auditor")
                            .json()
                            .path("verified")
                            .asBoolean())
                    .isTrue();
        }
    }

    @Test
    void recentUnfinishedAndHeldRequestsKeepEverything() {
        movedOn.sweep();
        for (String id : List.of(recent, unfinished, held)) {
            assertThat(ledger.specCiphertext(id)).as(id).isPresent();
            assertThat(ledger.contactCiphertext(id)).as(id).isPresent();
            assertThat(blobs.exists(PackageLayout.packageKey(id))).as(id).isTrue();
            assertThat(blobs.exists(PackageLayout.staging(id, "content") + "a.json"))
                    .as(id)
                    .isTrue();
            assertThat(blobs.exists(ReportKeys.json(id))).as(id).isTrue();
            JsonNode history = get("/v1/requests/" + id + "/history", "auditor").json();
            assertThat(history.path("verified").asBoolean()).isTrue();
            assertThat(history.toString()).doesNotContain(RecordKeeping.EVENT);
        }
    }
}
