package dev.dsrflow.workflow.lifecycle;

import dev.dsrflow.product.ProductCatalog;
import dev.dsrflow.product.activity.ProductStepResult;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Promise;
import java.util.ArrayList;
import java.util.List;

/**
 * Schedules one activity per product of the batch as promises (no workflow thread per
 * product), maps each result with the step's own reading of it and turns an activity that
 * exhausted its retries into a FAILED outcome. Cancelling the batch (the request was
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
      Promise<ProductStepResult> call = step.start(stubs.of(product), step.task(batch.context(), product));
      outcomes.add(call.handle((result, failure) -> {
        if (failure == null) {
          return BatchOutcome.of(product, step.outcome(result));
        }
        if (failure instanceof ActivityFailure activity && !(activity.getCause() instanceof CanceledFailure)) {
          return BatchOutcome.of(product, StepOutcome.failed(ProductFanOut.describe(activity), null));
        }
        throw failure;
      }));
    }
    List<BatchOutcome> out = new ArrayList<>();
    for (Promise<BatchOutcome> outcome : outcomes) {
      out.add(outcome.get());
    }
    return new ProductBatchResult(out);
  }
}
