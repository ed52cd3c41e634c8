package dev.dsrflow.product.activity;

import dev.dsrflow.temporal.TaskQueues;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;

/** A minimal workflow that erases on one product's queue, as the deletion workflow does. */
@WorkflowInterface
public interface ProductStepProbe {
    @WorkflowMethod
    ProductStepResult erase(ProductTask task);

    /** The probe's implementation: one erase with retries and heartbeats. */
    class Impl implements ProductStepProbe {
        @Override
        public ProductStepResult erase(ProductTask task) {
            ProductActivities product = Workflow.newActivityStub(
                    ProductActivities.class,
                    ActivityOptions.newBuilder()
                            .setTaskQueue(TaskQueues.product(task.product()))
                            .setStartToCloseTimeout(Duration.ofMinutes(1))
                            .setHeartbeatTimeout(Duration.ofSeconds(20))
                            .setRetryOptions(RetryOptions.newBuilder()
                                    .setInitialInterval(Duration.ofSeconds(1))
                                    .setMaximumAttempts(3)
                                    .build())
                            .build());
            return product.erase(task);
        }
    }
}
