package dev.dsrflow.workflow.lifecycle;

import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Builds the stubs of the activities that run beside the workflows on the orchestrator (ledger,
 * reports, certificates, notices, packaging, hold-registry calls): retried until they succeed.
 */
public final class OrchestratorStubs {
    private static final RetryOptions UNTIL_DONE = RetryOptions.newBuilder()
            .setInitialInterval(Duration.ofSeconds(1))
            .setMaximumInterval(Duration.ofMinutes(1))
            .build();

    private OrchestratorStubs() {}

    /**
     * A regular activity stub on the orchestrator's queue, for steps that may take long ({@code
     * startToClose} each).
     */
    public static <T> T regular(Class<T> activities, Duration startToClose) {
        return Workflow.newActivityStub(
                activities,
                ActivityOptions.newBuilder()
                        .setStartToCloseTimeout(startToClose)
                        .setRetryOptions(UNTIL_DONE)
                        .build());
    }

    /**
     * A local-activity stub, for short steps: one marker event instead of scheduled, started,
     * completed and a workflow task.
     */
    public static <T> T local(Class<T> activities) {
        return Workflow.newLocalActivityStub(
                activities,
                LocalActivityOptions.newBuilder()
                        .setStartToCloseTimeout(Duration.ofMinutes(1))
                        // keep retrying through any outage: without a schedule-to-close bound the SDK gives up on the
                        // first
                        // failure, and a request must never fail because PostgreSQL blinked
                        .setScheduleToCloseTimeout(Duration.ofDays(3650))
                        .setRetryOptions(UNTIL_DONE)
                        .build());
    }
}
