package dev.dsrflow.workflow.deletion;

import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.workflow.RequestWorkflow;
import dev.dsrflow.workflow.WorkflowTypes;
import dev.dsrflow.workflow.holds.HoldSignals;
import dev.dsrflow.workflow.holds.HoldsLifted;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Erasure across products: approval by a second person, a cancellable grace period during
 * which products hide the data (restrict; unrestricted again on cancel; nothing to hide when the
 * period is already over), then one step with the subject's hold registry that reports the held
 * products (waited on) and claims the erase of all the others, erasure of every unheld product
 * in parallel, held products DEFERRED until their hold ends (then claimed one by one), each
 * claim released when its product's erase ends, verification with bounded re-erasure, and a
 * signed deletion certificate.
 */
@WorkflowInterface
public interface DeletionWorkflow extends RequestWorkflow {
    /** Runs the request to COMPLETED, CANCELLED or REJECTED. */
    @WorkflowMethod(name = WorkflowTypes.DELETION)
    void run(RequestSpec spec);

    /** From the hold registry: these deferred products are free to erase now. */
    @SignalMethod(name = HoldSignals.HOLDS_LIFTED)
    void holdsLifted(HoldsLifted lifted);
}
