package dev.dsrflow.workflow.lifecycle;

import dev.dsrflow.packaging.PackageLayout;
import dev.dsrflow.product.PreservationReceipt;
import dev.dsrflow.product.activity.ProductActivities;
import dev.dsrflow.product.activity.ProductStep;
import dev.dsrflow.product.activity.ProductStepResult;
import dev.dsrflow.product.activity.ProductTask;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import java.util.List;

/**
 * How a request calls a product for one {@link ProductStep}: the activity input, the activity,
 * and how its result ends the product's task. The request's workflow and a batch child
 * ({@link ProductBatchWorkflow}) call it the same way, so a product's outcome does not depend on
 * where it ran.
 */
public final class ProductCalls {
    private ProductCalls() {}

    /** The activity input for one product: the request's subject and scope, plus the step's extras. */
    public static ProductTask task(ProductStep step, StepContext c, String product) {
        return switch (step) {
            case EXPORT ->
                new ProductTask(
                        c.requestId(),
                        product,
                        c.subject(),
                        c.scope(),
                        c.format(),
                        PackageLayout.staging(c.requestId()),
                        null); // the adapter adds <product>/
            case PRESERVE, RELEASE ->
                new ProductTask(c.requestId(), product, c.subject(), c.scope(), null, null, c.holdId());
            default -> new ProductTask(c.requestId(), product, c.subject(), c.scope(), null, null, null);
        };
    }

    /** Schedules the product's activity for the step; the promise completes with its result. */
    public static Promise<ProductStepResult> start(ProductStep step, ProductActivities stub, ProductTask task) {
        return switch (step) {
            case LOCATE -> Async.function(stub::locate, task);
            case EXPORT -> Async.function(stub::export, task);
            case RESTRICT -> Async.function(stub::restrict, task);
            case UNRESTRICT -> Async.function(stub::unrestrict, task);
            case ERASE -> Async.function(stub::erase, task);
            case VERIFY -> Async.function(stub::verifyErased, task);
            case PRESERVE -> Async.function(stub::preserve, task);
            case RELEASE -> Async.function(stub::release, task);
        };
    }

    /** How a successful call ends the product's task. */
    public static StepOutcome outcome(ProductStep step, ProductStepResult r) {
        return switch (step) {
            case LOCATE -> StepOutcome.byCount(r, "found");
            case EXPORT -> StepOutcome.byCount(r, "exported");
            case RESTRICT -> StepOutcome.done(r.items() + " items restricted", r);
            case UNRESTRICT -> StepOutcome.done(r.items() + " items visible again", r);
            case ERASE -> StepOutcome.byCount(r, "erased");
            case VERIFY -> StepOutcome.byCount(r, "left");
            case PRESERVE -> preserved(r);
            case RELEASE -> StepOutcome.done(r.items() + " preserved items released", r);
        };
    }

    /** Runs the step's one call for a product from the request's workflow and waits for it. */
    public static StepOutcome run(ProductStep step, ProductStubs stubs, StepContext context, String product) {
        return outcome(
                step,
                start(step, stubs.of(product), task(step, context, product)).get());
    }

    /**
     * Runs the step's one call for a product in a batch (a child's, or the request's own inline), as
     * a promise (no workflow thread per product): an activity that exhausted its retries makes a
     * FAILED outcome, a cancellation goes on.
     */
    static Promise<BatchOutcome> inBatch(ProductStep step, ProductStubs stubs, StepContext context, String product) {
        return start(step, stubs.of(product), task(step, context, product)).handle((result, failure) -> {
            if (failure == null) {
                return BatchOutcome.of(product, outcome(step, result), List.of(), 0);
            }
            return BatchOutcome.ofFailure(product, failure, List.of(), 0);
        });
    }

    /** Whether a failed call is one to record as FAILED (its retries are exhausted), not a cancellation. */
    public static boolean exhausted(Throwable failure) {
        return failure instanceof ActivityFailure activity && !(activity.getCause() instanceof CanceledFailure);
    }

    private static StepOutcome preserved(ProductStepResult r) {
        PreservationReceipt receipt = r.receipt();
        String detail = r.items() + " items preserved, digest " + (receipt == null ? "-" : receipt.contentDigest())
                + (receipt != null && receipt.alreadyErased() > 0
                        ? "; " + receipt.alreadyErased() + " items already erased before the hold"
                        : "");
        return StepOutcome.done(detail, r);
    }
}
