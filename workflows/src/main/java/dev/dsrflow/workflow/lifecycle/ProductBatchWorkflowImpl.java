package dev.dsrflow.workflow.lifecycle;

import dev.dsrflow.product.ProductCatalog;
import io.temporal.workflow.Promise;
import java.util.ArrayList;
import java.util.List;

/**
 * Schedules each product's step as promises (no workflow thread per product,
 * {@link FanOutStep#inBatch}): the step's own reading of each result, and a FAILED outcome for
 * an activity that exhausted its retries. Cancelling the batch (the request was
 * cancelled) cancels its activities and ends the batch cancelled.
 */
public final class ProductBatchWorkflowImpl implements ProductBatchWorkflow {
    private final ProductStubs stubs;

    public ProductBatchWorkflowImpl(ProductCatalog catalog) {
        this.stubs = new ProductStubs(catalog);
    }

    @Override
    public ProductBatchResult run(ProductBatch batch) {
        FanOutStep step = batch.step();
        List<Promise<BatchOutcome>> outcomes = new ArrayList<>();
        for (String product : batch.products()) {
            outcomes.add(step.inBatch(stubs, batch.context(), product));
        }
        List<BatchOutcome> out = new ArrayList<>();
        for (Promise<BatchOutcome> outcome : outcomes) {
            out.add(outcome.get());
        }
        return new ProductBatchResult(out);
    }
}
