package dev.dsrflow.workflow.lifecycle;

import dev.dsrflow.packaging.PackageLayout;
import dev.dsrflow.product.Capability;
import dev.dsrflow.product.PreservationReceipt;
import dev.dsrflow.product.activity.ProductActivities;
import dev.dsrflow.product.activity.ProductStepResult;
import dev.dsrflow.product.activity.ProductTask;
import dev.dsrflow.workflow.holds.ClaimLease;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;

/**
 * A product step that a request runs over its products, either from the request's workflow
 * (one product at a time: small requests and operator retries) or from a batch child workflow
 * ({@link ProductBatchWorkflow}). Both build the same activity input and read the result the
 * same way, so a product's outcome does not depend on where it ran. A new step (e.g. erase)
 * plugs in by adding a constant.
 */
public enum FanOutStep {
    /** Access: what the product holds on the subject. */
    LOCATE {
        @Override
        Promise<ProductStepResult> start(ProductActivities stub, ProductTask task) {
            return Async.function(stub::locate, task);
        }

        @Override
        public StepOutcome outcome(ProductStepResult r) {
            return StepOutcome.byCount(r, "found");
        }
    },
    /** Download: files into the request's staging area. */
    EXPORT {
        @Override
        public ProductTask task(StepContext c, String product) {
            return new ProductTask(
                    c.requestId(),
                    product,
                    c.subject(),
                    c.scope(),
                    c.format(),
                    PackageLayout.staging(c.requestId()),
                    null); // the adapter adds <product>/
        }

        @Override
        Promise<ProductStepResult> start(ProductActivities stub, ProductTask task) {
            return Async.function(stub::export, task);
        }

        @Override
        public StepOutcome outcome(ProductStepResult r) {
            return StepOutcome.byCount(r, "exported");
        }
    },
    /** Deletion: hide the data during the grace period. */
    RESTRICT {
        @Override
        Promise<ProductStepResult> start(ProductActivities stub, ProductTask task) {
            return Async.function(stub::restrict, task);
        }

        @Override
        public StepOutcome outcome(ProductStepResult r) {
            return StepOutcome.done(r.items() + " items restricted", r);
        }
    },
    /** Deletion: show the data again after a cancel (compensation). */
    UNRESTRICT {
        @Override
        Promise<ProductStepResult> start(ProductActivities stub, ProductTask task) {
            return Async.function(stub::unrestrict, task);
        }

        @Override
        public StepOutcome outcome(ProductStepResult r) {
            return StepOutcome.done(r.items() + " items visible again", r);
        }
    },
    /**
     * Deletion: erase, verify, re-erase a residue (bounded). In a batch this is a chain of calls
     * ({@link BatchErasure}) whose outcome carries an {@link ErasureTally}; the request holds the
     * products' erase claims around the batch. From the request itself a product's erasure is the
     * deletion's own (hold claim included), not {@link #run}.
     */
    ERASE {
        @Override
        Promise<ProductStepResult> start(ProductActivities stub, ProductTask task) {
            return Async.function(stub::erase, task);
        }

        @Override
        public StepOutcome outcome(ProductStepResult r) {
            return StepOutcome.byCount(r, "erased");
        }

        @Override
        Promise<BatchOutcome> inBatch(ProductStubs stubs, StepContext context, String product) {
            boolean verifiable = stubs.catalog()
                    .find(product)
                    .map(s -> RequestSetup.automated(s, Capability.VERIFY))
                    .orElse(false);
            // each call bounded as the request's own erasure bounds it (ClaimLease): the claims were granted just
            // before
            BatchErasure erasure =
                    new BatchErasure(stubs.within(product, ClaimLease.CALL_LIMIT), task(context, product), verifiable);
            return erasure.run().handle((outcome, failure) -> {
                if (failure == null) {
                    return BatchOutcome.of(product, outcome, erasure.tally());
                }
                if (failure instanceof ActivityFailure activity && !(activity.getCause() instanceof CanceledFailure)) {
                    return BatchOutcome.of(
                            product,
                            StepOutcome.failed(ProductFanOut.describe(activity), null),
                            erasure.tallyAfter(activity));
                }
                throw failure;
            });
        }
    },
    /** Preservation: freeze the scope and return a receipt. */
    PRESERVE {
        @Override
        public ProductTask task(StepContext c, String product) {
            return hold(c, product);
        }

        @Override
        Promise<ProductStepResult> start(ProductActivities stub, ProductTask task) {
            return Async.function(stub::preserve, task);
        }

        @Override
        public StepOutcome outcome(ProductStepResult r) {
            PreservationReceipt receipt = r.receipt();
            String detail = r.items() + " items preserved, digest " + (receipt == null ? "-" : receipt.contentDigest())
                    + (receipt != null && receipt.alreadyErased() > 0
                            ? "; " + receipt.alreadyErased() + " items already erased before the hold"
                            : "");
            return StepOutcome.done(detail, r);
        }
    },
    /** Preservation: drop the preserved copy at the end of the hold. */
    RELEASE {
        @Override
        public ProductTask task(StepContext c, String product) {
            return hold(c, product);
        }

        @Override
        Promise<ProductStepResult> start(ProductActivities stub, ProductTask task) {
            return Async.function(stub::release, task);
        }

        @Override
        public StepOutcome outcome(ProductStepResult r) {
            return StepOutcome.done(r.items() + " preserved items released", r);
        }
    };

    /** The activity input for one product: the request's subject and scope (steps add their extras). */
    public ProductTask task(StepContext context, String product) {
        return plain(context, product);
    }

    /** Calls the product's activity and waits for it (from the request's workflow): the same command as {@link #start}. */
    public ProductStepResult call(ProductActivities stub, ProductTask task) {
        return start(stub, task).get();
    }

    /** Schedules the product's activity without a workflow thread of its own (from a batch). */
    abstract Promise<ProductStepResult> start(ProductActivities stub, ProductTask task);

    /** How a successful call ends the product's task. */
    public abstract StepOutcome outcome(ProductStepResult result);

    /**
     * Runs the step for one product inside a batch child: the activity is scheduled as a promise
     * (no workflow thread per product); an activity that exhausted its retries makes a FAILED
     * outcome, a cancellation goes on.
     */
    Promise<BatchOutcome> inBatch(ProductStubs stubs, StepContext context, String product) {
        return start(stubs.of(product), task(context, product)).handle((result, failure) -> {
            if (failure == null) {
                return BatchOutcome.of(product, outcome(result));
            }
            if (failure instanceof ActivityFailure activity && !(activity.getCause() instanceof CanceledFailure)) {
                return BatchOutcome.of(product, StepOutcome.failed(ProductFanOut.describe(activity), null));
            }
            throw failure;
        });
    }

    /** Runs the step for one product from the request's workflow. */
    public StepOutcome run(ProductStubs stubs, StepContext context, String product) {
        return outcome(call(stubs.of(product), task(context, product)));
    }

    private static ProductTask plain(StepContext c, String product) {
        return new ProductTask(c.requestId(), product, c.subject(), c.scope(), null, null, null);
    }

    private static ProductTask hold(StepContext c, String product) {
        return new ProductTask(c.requestId(), product, c.subject(), c.scope(), null, null, c.holdId());
    }
}
