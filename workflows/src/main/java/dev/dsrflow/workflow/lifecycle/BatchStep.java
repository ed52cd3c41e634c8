package dev.dsrflow.workflow.lifecycle;

import dev.dsrflow.product.activity.ProductStep;
import io.temporal.workflow.Promise;

/**
 * How a product step runs for one product as promises (no workflow thread per product), as a
 * batch child runs it and as a request runs it inline for products that fit in one batch. A
 * step of one call is {@link #oneCall}; a step of more (a deletion's erase, verify and bounded
 * re-erase) is provided by the request type that owns it, when the batch workflow is registered
 * and to its fan-out, so this package stays free of any request type's logic.
 */
@FunctionalInterface
public interface BatchStep {
    /**
     * Runs the step for one product as a chain of promises: its outcome carries every call's
     * result; a failure whose retries ran out makes a FAILED outcome.
     */
    Promise<BatchOutcome> run(ProductStubs stubs, StepContext context, String product);

    /** The step's one call per product ({@link ProductCalls#inBatch}). */
    static BatchStep oneCall(ProductStep step) {
        return (stubs, context, product) -> ProductCalls.inBatch(step, stubs, context, product);
    }
}
