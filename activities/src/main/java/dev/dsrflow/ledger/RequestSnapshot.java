package dev.dsrflow.ledger;

import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.model.RequestType;
import java.time.Instant;
import java.util.List;

/**
 * The request's current state, written by its workflow after every transition; the API's
 * views and lists read it. Contains no subject identifier, only the subject key. {@code revision}
 * grows with every write, so a late retry never moves the stored snapshot backwards.
 * {@code subjectKeys}: every key of the subject once its identity was resolved (null before; the
 * ledger keeps each key it was ever given, for search).
 * {@code graceConfiguredEnd} is set only when a deletion's grace period was shortened to end in
 * time for the due date: the end the configured period alone would have given.
 */
public record RequestSnapshot(
        String id,
        long revision,
        RequestType type,
        RequestStatus status,
        Jurisdiction jurisdiction,
        String subjectKey,
        Instant receivedAt,
        Instant dueAt,
        boolean extended,
        String requestedBy,
        String approvedBy,
        Instant graceEndsAt,
        Instant holdExpiresAt,
        Instant completedAt,
        DownloadInfo download,
        String reportBlob,
        String certificate,
        List<ProductSnapshot> products,
        List<String> subjectKeys,
        Instant graceConfiguredEnd) {

    /** A snapshot whose subject is not resolved yet (no subject keys). */
    public RequestSnapshot(
            String id,
            long revision,
            RequestType type,
            RequestStatus status,
            Jurisdiction jurisdiction,
            String subjectKey,
            Instant receivedAt,
            Instant dueAt,
            boolean extended,
            String requestedBy,
            String approvedBy,
            Instant graceEndsAt,
            Instant holdExpiresAt,
            Instant completedAt,
            DownloadInfo download,
            String reportBlob,
            String certificate,
            List<ProductSnapshot> products) {
        this(
                id,
                revision,
                type,
                status,
                jurisdiction,
                subjectKey,
                receivedAt,
                dueAt,
                extended,
                requestedBy,
                approvedBy,
                graceEndsAt,
                holdExpiresAt,
                completedAt,
                download,
                reportBlob,
                certificate,
                products,
                null,
                null);
    }

    /** This snapshot with a deletion's certificate (issued in the same step as the request's last write). */
    public RequestSnapshot withCertificate(String document) {
        return new RequestSnapshot(
                id,
                revision,
                type,
                status,
                jurisdiction,
                subjectKey,
                receivedAt,
                dueAt,
                extended,
                requestedBy,
                approvedBy,
                graceEndsAt,
                holdExpiresAt,
                completedAt,
                download,
                reportBlob,
                document,
                products,
                subjectKeys,
                graceConfiguredEnd);
    }
}
