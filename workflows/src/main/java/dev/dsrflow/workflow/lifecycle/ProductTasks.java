package dev.dsrflow.workflow.lifecycle;

import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.product.ProductScope;
import dev.dsrflow.product.SubjectRef;
import dev.dsrflow.product.activity.ProductTask;

/** Builds product activity inputs from a request. */
public final class ProductTasks {
    private ProductTasks() {}

    public static SubjectRef subject(RequestSpec spec) {
        return new SubjectRef(spec.subject(), spec.subjectKey());
    }

    public static ProductScope scope(RequestSpec spec) {
        return new ProductScope(spec.categories(), spec.dateRange());
    }

    /** A task with the request's scope and no step-specific extras. */
    public static ProductTask plain(RequestSpec spec, String product) {
        return new ProductTask(spec.id(), product, subject(spec), scope(spec), null, null, null);
    }

    /** A task that exports in the request's format under the request's staging prefix (the product adapter adds the product's folder). */
    public static ProductTask export(RequestSpec spec, String product, String stagingPrefix) {
        return new ProductTask(spec.id(), product, subject(spec), scope(spec), spec.format(), stagingPrefix, null);
    }

    /** A task about a hold (preserve, release). */
    public static ProductTask hold(RequestSpec spec, String product, String holdId) {
        return new ProductTask(spec.id(), product, subject(spec), scope(spec), null, null, holdId);
    }
}
