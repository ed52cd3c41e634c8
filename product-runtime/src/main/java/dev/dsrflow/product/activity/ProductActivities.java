package dev.dsrflow.product.activity;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * The generic activity every product worker registers on {@code dsr-product-<id>}; it calls
 * the product's {@link dev.dsrflow.product.ProductHandler}. Workflows call it with a per-product
 * task queue in the activity options.
 */
@ActivityInterface(namePrefix = "Product")
public interface ProductActivities {
    /** Counts what the product holds on the subject. */
    @ActivityMethod
    ProductStepResult locate(ProductTask task);

    /** Writes the subject's data into the staging area. Heartbeats; resumes from checkpoints. */
    @ActivityMethod
    ProductStepResult export(ProductTask task);

    /** Hides the subject's data from normal reads (deletion grace period). */
    @ActivityMethod
    ProductStepResult restrict(ProductTask task);

    /** Shows restricted data again (compensation of a cancelled deletion). */
    @ActivityMethod
    ProductStepResult unrestrict(ProductTask task);

    /** Erases the subject's data. Heartbeats; resumes from checkpoints. */
    @ActivityMethod
    ProductStepResult erase(ProductTask task);

    /** Counts residual data after erasure. */
    @ActivityMethod
    ProductStepResult verifyErased(ProductTask task);

    /** Preserves the subject's data under a hold. */
    @ActivityMethod
    ProductStepResult preserve(ProductTask task);

    /** Drops a hold's preserved copy. */
    @ActivityMethod
    ProductStepResult release(ProductTask task);

    /**
     * Every identifier of the accounts the task's subject belongs to (the handler's
     * {@link dev.dsrflow.product.ProductHandler#resolve}), what was given always included. Only for
     * products that declare {@link dev.dsrflow.product.Capability#RESOLVE}.
     */
    @ActivityMethod
    ResolvedIdentifiers resolve(ProductTask task);
}
