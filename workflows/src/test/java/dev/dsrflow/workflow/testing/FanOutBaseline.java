package dev.dsrflow.workflow.testing;

import dev.dsrflow.product.activity.ProductStep;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * The bare Temporal workflow the benchmark compares dsrflow with, on the rig's product queues:
 * for each step in turn, one activity per product, all in parallel; no ledger, no state, no
 * timers. Steps LOCATE: the access baseline; RESTRICT, ERASE, VERIFY: the deletion baseline.
 */
@WorkflowInterface
public interface FanOutBaseline {
    /** Runs the steps over the products; returns when every call of the last step returned. */
    @WorkflowMethod
    void run(List<String> products, List<ProductStep> steps);
}
