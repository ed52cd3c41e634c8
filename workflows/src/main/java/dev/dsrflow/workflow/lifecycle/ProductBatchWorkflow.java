package dev.dsrflow.workflow.lifecycle;

import dev.dsrflow.workflow.WorkflowTypes;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * A child of a request's workflow that runs one product step for a batch of the request's
 * products, all in parallel, each on its product's task queue with its product's activity
 * options, so the request's own history grows per batch, not per product. It never waits for
 * an operator: a product whose activity exhausts its retries comes back FAILED and the request
 * keeps it for an operator's retry, completion or skip.
 */
@WorkflowInterface
public interface ProductBatchWorkflow {
    /** Runs the step for every product of the batch; returns when each one succeeded or failed. */
    @WorkflowMethod(name = WorkflowTypes.PRODUCT_BATCH)
    ProductBatchResult run(ProductBatch batch);
}
