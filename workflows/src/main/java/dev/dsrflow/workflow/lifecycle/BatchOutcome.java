package dev.dsrflow.workflow.lifecycle;

import dev.dsrflow.model.ProductTaskStatus;
import dev.dsrflow.product.activity.ProductStepResult;

/**
 * How one product of a batch ended, as the batch child reports it to the request's workflow.
 *
 * @param product product id
 * @param status DONE, NO_DATA or FAILED
 * @param detail a note without subject identifiers
 * @param result the activity's result, or null when it failed
 * @param erasure the erase step's tally (erase only, else null)
 */
public record BatchOutcome(
        String product, ProductTaskStatus status, String detail, ProductStepResult result, ErasureTally erasure) {

    static BatchOutcome of(String product, StepOutcome outcome) {
        return new BatchOutcome(product, outcome.status(), outcome.detail(), outcome.result(), null);
    }

    static BatchOutcome of(String product, StepOutcome outcome, ErasureTally erasure) {
        return new BatchOutcome(product, outcome.status(), outcome.detail(), outcome.result(), erasure);
    }

    StepOutcome toStepOutcome() {
        return new StepOutcome(status, detail, result);
    }
}
