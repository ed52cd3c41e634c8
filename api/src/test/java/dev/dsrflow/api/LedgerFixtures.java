package dev.dsrflow.api;

import dev.dsrflow.codec.SealedSpecs;
import dev.dsrflow.ledger.DownloadInfo;
import dev.dsrflow.ledger.LedgerEntry;
import dev.dsrflow.ledger.LedgerEvent;
import dev.dsrflow.ledger.LedgerStore;
import dev.dsrflow.ledger.NewRequest;
import dev.dsrflow.ledger.ProductSnapshot;
import dev.dsrflow.ledger.RequestSnapshot;
import dev.dsrflow.model.DateRange;
import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.ProductTaskStatus;
import dev.dsrflow.model.RequestPolicy;
import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.model.SubjectKey;
import dev.dsrflow.product.RecordedCatalogue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes requests straight into the ledger, the way the API files them and workflows record
 * them, without running a workflow: for list, filter, export and package tests.
 */
final class LedgerFixtures {
    private final LedgerStore ledger;
    private final SubjectKey subjectKey;
    private final SealedSpecs sealed;

    LedgerFixtures(LedgerStore ledger, SubjectKey subjectKey, SealedSpecs sealed) {
        this.ledger = ledger;
        this.subjectKey = subjectKey;
        this.sealed = sealed;
    }

    /** One request as a workflow last recorded it. */
    record Row(
            RequestType type,
            RequestStatus status,
            Jurisdiction jurisdiction,
            SubjectIdentifiers subject,
            Instant receivedAt,
            Instant dueAt,
            List<String> products,
            DownloadInfo download,
            String requestedBy) {}

    String insert(Row row) {
        return insert(row, Map.of());
    }

    /** A request whose products are DONE but for those given another status. */
    String insert(Row row, Map<String, ProductTaskStatus> statuses) {
        String id = UUID.randomUUID().toString();
        RequestSpec spec = new RequestSpec(
                id,
                row.type(),
                row.subject(),
                subjectKey.primary(row.subject()),
                row.jurisdiction(),
                row.products(),
                Set.of(),
                DateRange.ALL,
                null,
                null,
                row.requestedBy(),
                row.receivedAt(),
                null,
                RequestPolicy.DEFAULT,
                RecordedCatalogue.NONE);
        ledger.file(new NewRequest(spec, sealed.seal(spec), subjectKey.all(row.subject()), null, null));
        RequestSnapshot snapshot = snapshot(id, 1, row, row.status(), statuses, spec.subjectKey());
        ledger.record(new LedgerEntry(
                snapshot,
                List.of(
                        new LedgerEvent(
                                id + ":1", row.receivedAt().plusSeconds(1), "system", "STARTED", null, "started"),
                        new LedgerEvent(
                                id + ":2",
                                row.receivedAt().plusSeconds(2),
                                "system",
                                "PRODUCT_DONE",
                                row.products().get(0),
                                "done"))));
        return id;
    }

    /** The request's next revision in another status, with every product DONE. */
    void recordStatus(String id, long revision, Row row, RequestStatus status) {
        ledger.record(new LedgerEntry(
                snapshot(id, revision, row, status, Map.of(), subjectKey.primary(row.subject())), List.of()));
    }

    private static RequestSnapshot snapshot(
            String id,
            long revision,
            Row row,
            RequestStatus status,
            Map<String, ProductTaskStatus> statuses,
            String subjectKey) {
        List<ProductSnapshot> products = row.products().stream()
                .map(p -> new ProductSnapshot(
                        p, statuses.getOrDefault(p, ProductTaskStatus.DONE), 1, row.receivedAt(), "exported", null))
                .toList();
        return new RequestSnapshot(
                id,
                revision,
                row.type(),
                status,
                row.jurisdiction(),
                subjectKey,
                row.receivedAt(),
                row.dueAt(),
                false,
                row.requestedBy(),
                null,
                null,
                null,
                status.isFinal() ? row.receivedAt().plusSeconds(3600) : null,
                row.download(),
                null,
                null,
                products);
    }

    void recordDownload(String id, long revision, RequestType type, DownloadInfo download) {
        RequestSnapshot snapshot = new RequestSnapshot(
                id,
                revision,
                type,
                RequestStatus.COMPLETED,
                Jurisdiction.GDPR,
                "sk-x",
                Instant.now(),
                null,
                false,
                "ops",
                null,
                null,
                null,
                Instant.now(),
                download,
                null,
                null,
                null);
        ledger.record(new LedgerEntry(snapshot, List.of()));
    }
}
