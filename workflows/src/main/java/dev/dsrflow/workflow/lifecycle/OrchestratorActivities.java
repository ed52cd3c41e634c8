package dev.dsrflow.workflow.lifecycle;

import io.temporal.activity.ActivityOptions;
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
    return Workflow.newActivityStub(activities, ActivityOptions.newBuilder()
        .setStartToCloseTimeout(startToClose)
        .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofSeconds(1))
            .setMaximumInterval(Duration.ofMinutes(1)).build())
        .build());
  }
}
