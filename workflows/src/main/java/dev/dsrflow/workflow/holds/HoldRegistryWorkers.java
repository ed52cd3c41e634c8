package dev.dsrflow.workflow.holds;

import io.temporal.worker.Worker;
import io.temporal.worker.WorkflowImplementationOptions;

/** Registers the hold registry workflow on a worker. */
public final class HoldRegistryWorkers {
  private HoldRegistryWorkers() {}

  /** Registers the registry; it continues as new after {@code maxHistory} events. */
  public static void register(Worker worker, int maxHistory) {
    worker.registerWorkflowImplementationFactory(HoldRegistryWorkflow.class,
        args -> new HoldRegistryWorkflowImpl(maxHistory, args.get(0, HoldRegistryState.class)),
        WorkflowImplementationOptions.newBuilder().build());
  }
}
