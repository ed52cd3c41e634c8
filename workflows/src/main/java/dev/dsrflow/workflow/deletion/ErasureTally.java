package dev.dsrflow.workflow.deletion;

import dev.dsrflow.certificate.ProductEvidence;
import dev.dsrflow.product.activity.ProductStep;
import dev.dsrflow.product.activity.ProductStepResult;
import dev.dsrflow.workflow.lifecycle.ProductTaskState;
import java.time.Instant;
import java.util.List;

/**
 * What a deletion did to one product's data over every run of its erasure (a batch's, the
 * request's own, an operator's retry), for the certificate.
 *
 * @param itemsErased items erased by every erase call, those that failed after erasing some included
 * @param residual items the last verification found (0 when verified)
 * @param verified whether the last verification reported zero
 * @param eraseRuns erase calls that completed
 * @param failedRuns erase calls that failed after erasing something (counted in the evidence's runs)
 * @param startedAt when the first erase started
 * @param finishedAt when the last call finished
 * @param handlerVersion the handler version that last erased
 */
record ErasureTally(
        long itemsErased,
        long residual,
        boolean verified,
        int eraseRuns,
        int failedRuns,
        Instant startedAt,
        Instant finishedAt,
        String handlerVersion) {

    /** Nothing erased yet. */
    static final ErasureTally NONE = new ErasureTally(0, 0, false, 0, 0, null, null, null);

    /**
     * This tally followed by one run: its calls' results in order (erase, verify, erase, ...) and
     * the items a call that failed had erased before failing.
     */
    ErasureTally plus(List<ProductStepResult> calls, long failedCallItems) {
        ErasureTally t = this;
        for (ProductStepResult call : calls) {
            t = call.step() == ProductStep.VERIFY ? t.verifiedBy(call) : t.erasedBy(call);
        }
        return failedCallItems > 0
                ? new ErasureTally(
                        t.itemsErased + failedCallItems,
                        t.residual,
                        t.verified,
                        t.eraseRuns,
                        t.failedRuns + 1,
                        t.startedAt,
                        t.finishedAt,
                        t.handlerVersion)
                : t;
    }

    private ErasureTally erasedBy(ProductStepResult erase) {
        return new ErasureTally(
                itemsErased + erase.items(),
                residual,
                verified,
                eraseRuns + 1,
                failedRuns,
                startedAt == null ? erase.startedAt() : startedAt,
                erase.finishedAt(),
                erase.handlerVersion());
    }

    private ErasureTally verifiedBy(ProductStepResult check) {
        return new ErasureTally(
                itemsErased,
                check.items(),
                check.items() == 0,
                eraseRuns,
                failedRuns,
                startedAt,
                check.finishedAt(),
                handlerVersion);
    }

    /** The product's line in the certificate. */
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
