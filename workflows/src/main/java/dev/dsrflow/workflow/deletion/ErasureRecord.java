package dev.dsrflow.workflow.deletion;

import dev.dsrflow.certificate.ProductEvidence;
import dev.dsrflow.workflow.lifecycle.ProductTaskState;
import java.time.Instant;

/** What happened to one product's data during a deletion, for the certificate. */
final class ErasureRecord {
  long itemsErased;
  long residual;
  boolean verified;
  int eraseRuns;
  Instant startedAt;
  Instant finishedAt;
  String handlerVersion;

  ProductEvidence evidence(ProductTaskState task) {
    String note = eraseRuns == 0 ? task.detail() : null; // completed or skipped by hand: say who and why
    return new ProductEvidence(task.product(), task.status().name(), itemsErased, residual, verified, eraseRuns, startedAt,
        finishedAt, handlerVersion, note);
  }
}
