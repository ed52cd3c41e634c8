package dev.dsrflow.workflow.lifecycle;

import dev.dsrflow.model.ProductTaskStatus;
import dev.dsrflow.product.activity.ProductStepResult;
import io.temporal.failure.ActivityFailure;
import java.util.List;

/**
 * How one product of a batch ended, as the batch child reports it to the request's workflow.
 *
 * @param product product id
 * @param status DONE, NO_DATA or FAILED; PENDING when the product must run again from the request
 *     (a deletion's erase whose claim must be renewed)
 * @param detail a note without subject identifiers
 * @param result the result the product's task keeps, or null when it failed
 * @param calls every call's result in order, for a step of several calls ({@link BatchStep}); else empty
 * @param failedCallItems items a call that failed had done before failing (its failure said so), else 0
 */
public record BatchOutcome(
        String product,
        ProductTaskStatus status,
        String detail,
        ProductStepResult result,
        List<ProductStepResult> calls,
        long failedCallItems) {

    /** A product whose step ended as {@code outcome}. */
    public static BatchOutcome of(
            String product, StepOutcome outcome, List<ProductStepResult> calls, long failedCallItems) {
        return new BatchOutcome(
                product, outcome.status(), outcome.detail(), outcome.result(), List.copyOf(calls), failedCallItems);
    }

    /**
     * A product whose step failed: FAILED when the call's retries ran out (for an operator); a
     * cancellation goes on.
     */
    public static BatchOutcome ofFailure(
            String product, Throwable failure, List<ProductStepResult> calls, long failedCallItems) {
        if (failure instanceof ActivityFailure activity && ProductCalls.exhausted(failure)) {
            return of(product, StepOutcome.failed(ProductFanOut.describe(activity), null), calls, failedCallItems);
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        throw new IllegalStateException(failure);
    }

    StepOutcome toStepOutcome() {
        return new StepOutcome(status, detail, result);
    }
}
