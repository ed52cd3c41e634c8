package dev.dsrflow.workflow.lifecycle;

import dev.dsrflow.model.ProductTaskStatus;
import dev.dsrflow.product.activity.ProductStepResult;

/**
 * How one run of a product's work ended.
 *
 * @param status DONE, NO_DATA or FAILED (FAILED waits for an operator)
 * @param detail a note for the request view, without subject identifiers
 * @param result the last activity result, or null
 */
public record StepOutcome(ProductTaskStatus status, String detail, ProductStepResult result) {

    public static StepOutcome done(String detail, ProductStepResult result) {
        return new StepOutcome(ProductTaskStatus.DONE, detail, result);
    }

    public static StepOutcome noData(ProductStepResult result) {
        return new StepOutcome(ProductTaskStatus.NO_DATA, "no data", result);
    }

    public static StepOutcome failed(String detail, ProductStepResult result) {
        return new StepOutcome(ProductTaskStatus.FAILED, detail, result);
    }

    /** DONE when the step's headline count is positive, NO_DATA when zero. */
    public static StepOutcome byCount(ProductStepResult result, String what) {
        return result.items() > 0 ? done(result.items() + " items " + what, result) : noData(result);
    }
}
