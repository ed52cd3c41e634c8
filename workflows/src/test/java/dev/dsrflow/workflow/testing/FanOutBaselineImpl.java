package dev.dsrflow.workflow.testing;

import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.product.ProductScope;
import dev.dsrflow.product.SubjectRef;
import dev.dsrflow.product.activity.ProductActivities;
import dev.dsrflow.product.activity.ProductStep;
import dev.dsrflow.product.activity.ProductStepResult;
import dev.dsrflow.product.activity.ProductTask;
import dev.dsrflow.temporal.TaskQueues;
import dev.dsrflow.workflow.lifecycle.ProductCalls;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** See {@link FanOutBaseline}. */
public final class FanOutBaselineImpl implements FanOutBaseline {
    @Override
    public void run(List<String> products, List<ProductStep> steps) {
        for (ProductStep step : steps) {
            List<Promise<ProductStepResult>> calls = new ArrayList<>();
            for (String product : products) {
                ProductActivities stub = Workflow.newActivityStub(
                        ProductActivities.class,
                        ActivityOptions.newBuilder()
                                .setTaskQueue(TaskQueues.product(product))
                                .setStartToCloseTimeout(Duration.ofSeconds(30))
                                .build());
                ProductTask task = new ProductTask(
                        "baseline",
                        product,
                        new SubjectRef(new SubjectIdentifiers("u-baseline", null, null), "sk-baseline"),
                        ProductScope.EVERYTHING,
                        null,
                        null,
                        null);
                calls.add(ProductCalls.start(step, stub, task));
            }
            Promise.allOf(calls).get();
        }
    }
}
