package dev.dsrflow.product.activity;

import dev.dsrflow.product.ErasureReport;
import dev.dsrflow.product.ExportManifest;
import dev.dsrflow.product.Inventory;
import dev.dsrflow.product.PreservationReceipt;
import dev.dsrflow.product.ProductDescriptor;
import dev.dsrflow.product.VerificationReport;
import java.time.Instant;

/** Turns what a handler returned into the activity's {@link ProductStepResult}. */
final class StepOutcomes {
    private StepOutcomes() {}

    static ProductStepResult result(
            ProductDescriptor d, ProductStep step, int attempt, Instant startedAt, Instant finishedAt, Object outcome) {
        String version = d.handlerVersion();
        if (outcome instanceof Inventory i) {
            return new ProductStepResult(
                    d.id(), step, attempt, version, startedAt, finishedAt, i.totalItems(), i, null, null, null, null);
        }
        if (outcome instanceof ExportManifest m) {
            return new ProductStepResult(
                    d.id(), step, attempt, version, startedAt, finishedAt, m.totalItems(), null, m, null, null, null);
        }
        if (outcome instanceof ErasureReport e) {
            return new ProductStepResult(
                    d.id(), step, attempt, version, startedAt, finishedAt, e.total(), null, null, e, null, null);
        }
        if (outcome instanceof VerificationReport v) {
            return new ProductStepResult(
                    d.id(), step, attempt, version, startedAt, finishedAt, v.residual(), null, null, null, v, null);
        }
        if (outcome instanceof PreservationReceipt r) {
            return new ProductStepResult(
                    d.id(), step, attempt, version, startedAt, finishedAt, r.items(), null, null, null, null, r);
        }
        if (outcome instanceof Long count) {
            return new ProductStepResult(
                    d.id(), step, attempt, version, startedAt, finishedAt, count, null, null, null, null, null);
        }
        throw new IllegalStateException("handler returned nothing usable for " + step);
    }
}
