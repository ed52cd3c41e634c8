package dev.dsrflow.workflow.lifecycle;

import io.temporal.workflow.Promise;

/**
 * A product step that is more than one call per product (a deletion's erase, verify and
 * bounded re-erase), as a batch child runs it. The request type that owns the step provides it
 * when the batch workflow is registered, so this package stays free of any request type's
 * logic. Steps of one call need none ({@link ProductCalls}).
 */
@FunctionalInterface
public interface BatchStep {
    /**
     * Runs the step for one product as a chain of promises (no workflow thread per product): its
     * outcome carries every call's result; a failure whose retries ran out makes a FAILED outcome.
     */
    Promise<BatchOutcome> run(ProductStubs stubs, StepContext context, String product);
}
