package dev.dsrflow.workflow.lifecycle;

import dev.dsrflow.product.activity.ProductStep;
import io.temporal.workflow.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Schedules each product's step as promises (no workflow thread per product): one call per
 * product ({@link BatchStep#oneCall}), or the chain a {@link BatchStep} registered for the step
 * runs. Cancelling the batch (the request was cancelled) cancels its activities and ends the
 * batch cancelled.
 */
public final class ProductBatchWorkflowImpl implements ProductBatchWorkflow {
    private final Map<ProductStep, BatchStep> chains;

    /**
     * A batch workflow; {@code chains} are the steps of more than one call per product, by step.
     * Its products are called as the catalogue its input carries says (the request's recorded one).
     */
    public ProductBatchWorkflowImpl(Map<ProductStep, BatchStep> chains) {
        this.chains = Map.copyOf(chains);
    }

    @Override
    public ProductBatchResult run(ProductBatch batch) {
        ProductStubs stubs = new ProductStubs(batch.catalogue().toCatalog());
        ProductStep step = batch.step();
        BatchStep chain = chains.getOrDefault(step, BatchStep.oneCall(step));
        List<Promise<BatchOutcome>> outcomes = new ArrayList<>();
        for (String product : batch.products()) {
            outcomes.add(chain.run(stubs, batch.context(), product));
        }
        List<BatchOutcome> out = new ArrayList<>();
        for (Promise<BatchOutcome> outcome : outcomes) {
            out.add(outcome.get());
        }
        return new ProductBatchResult(out);
    }
}
