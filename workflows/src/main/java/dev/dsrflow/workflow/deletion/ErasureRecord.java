package dev.dsrflow.workflow.deletion;

import dev.dsrflow.certificate.ProductEvidence;
import dev.dsrflow.workflow.lifecycle.ProductTaskState;
import java.time.Instant;

/** What happened to one product's data during a deletion, for the certificate. */
final class ErasureRecord {
    long itemsErased;
    long residual;
    boolean verified;
    /** Erase calls that completed (bounds the re-erases after a residue). */
    int eraseRuns;
    /** Erase calls that failed after erasing something (counted in the evidence's runs). */
    int failedRuns;

    Instant startedAt;
    Instant finishedAt;
    String handlerVersion;

    /** An erase call failed, having erased {@code items} items first (all its attempts together). */
    void failedRunErased(long items) {
        if (items > 0) {
            itemsErased += items;
            failedRuns++;
        }
    }

    ProductEvidence evidence(ProductTaskState task) {
        String note = eraseRuns == 0 ? task.detail() : null; // completed or skipped by hand: say who and why
        return new ProductEvidence(
                task.product(),
                task.status().name(),
                itemsErased,
                residual,
                verified,
                eraseRuns + failedRuns,
                startedAt,
                finishedAt,
                handlerVersion,
                note);
    }
}
