package dev.dsrflow.workflow.lifecycle;

import dev.dsrflow.product.ProductCatalog;
import dev.dsrflow.product.ProductSettings;
import dev.dsrflow.product.activity.ProductActivities;
import dev.dsrflow.temporal.TaskQueues;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Product activity stubs, one per product: its own task queue ({@code dsr-product-<id>}) and
 * the timeouts and retries its settings declare. Once the retries are exhausted the call fails
 * and the product's task becomes FAILED for an operator.
 */
public final class ProductStubs {
    /** Failure type the product adapter uses for a handler's permanent failure. */
    public static final String PERMANENT_FAILURE = "PermanentHandlerException";

    private final ProductCatalog catalog;
    private final Map<String, ProductActivities> stubs = new HashMap<>();

    public ProductStubs(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    public ProductCatalog catalog() {
        return catalog;
    }

    /** The stub that calls this product's worker. */
    public ProductActivities of(String product) {
        return stubs.computeIfAbsent(
                product, id -> Workflow.newActivityStub(ProductActivities.class, options(catalog.get(id))));
    }

    /**
     * A stub for one call that must be over, retries and time waiting in the product's queue
     * included, within {@code scheduleToClose} (a deletion's erase and verify calls, bounded by
     * their hold claim's lease). Options only: the commands a workflow sends are unchanged.
     */
    public ProductActivities within(String product, Duration scheduleToClose) {
        return Workflow.newActivityStub(
                ProductActivities.class,
                ActivityOptions.newBuilder(options(catalog.get(product)))
                        .setScheduleToCloseTimeout(scheduleToClose)
                        .build());
    }

    static ActivityOptions options(ProductSettings s) {
        return ActivityOptions.newBuilder()
                .setTaskQueue(TaskQueues.product(s.id()))
                .setStartToCloseTimeout(s.startToCloseTimeout())
                .setHeartbeatTimeout(s.heartbeatTimeout())
                .setRetryOptions(RetryOptions.newBuilder()
                        .setMaximumAttempts(Math.max(1, s.maxAttempts()))
                        .setInitialInterval(s.initialRetryInterval())
                        .setBackoffCoefficient(2.0)
                        .setMaximumInterval(s.initialRetryInterval().multipliedBy(10))
                        .setDoNotRetry(PERMANENT_FAILURE)
                        .build())
                .build();
    }
}
