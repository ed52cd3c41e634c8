package dev.dsrflow.workflow.lifecycle;

import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Stubs for activities that run on the orchestrator's own task queue (packaging, reports,
 * certificates, hold-registry calls): short, retried until they succeed.
 */
public final class OrchestratorActivities {
    private OrchestratorActivities() {}

    /** A stub with the orchestrator's standard options. */
    public static <T> T stub(Class<T> activities) {
        return stub(activities, Duration.ofMinutes(5));
    }

    /** A stub whose single attempt may run for {@code startToClose}. */
    public static <T> T stub(Class<T> activities, Duration startToClose) {
        return Workflow.newActivityStub(
                activities,
                ActivityOptions.newBuilder()
                        .setStartToCloseTimeout(startToClose)
                        .setRetryOptions(RetryOptions.newBuilder()
                                .setInitialInterval(Duration.ofSeconds(1))
                                .setMaximumInterval(Duration.ofMinutes(1))
                                .build())
                        .build());
    }

    /**
     * A local-activity stub with the same retries: for short orchestrator-side steps that need no
     * task-queue round trip (one marker event instead of scheduled/started/completed and a
     * workflow task).
     */
    public static <T> T localStub(Class<T> activities) {
        return Workflow.newLocalActivityStub(
                activities,
                LocalActivityOptions.newBuilder()
                        .setStartToCloseTimeout(Duration.ofMinutes(1))
                        // without a schedule-to-close bound the SDK would not retry at all
                        .setScheduleToCloseTimeout(Duration.ofDays(3650))
                        .setRetryOptions(RetryOptions.newBuilder()
                                .setInitialInterval(Duration.ofSeconds(1))
                                .setMaximumInterval(Duration.ofMinutes(1))
                                .build())
                        .build());
    }
}
