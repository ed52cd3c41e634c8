package dev.dsrflow.workflow.holds;

import io.temporal.worker.Worker;
import io.temporal.worker.WorkflowImplementationOptions;

/** Registers the hold registry workflow on a worker. */
public final class HoldRegistryWorkers {
  /**
   * A task queue of the registry's own, polled by a worker of its own. Deletions call the
   * registry from local activities, and a workflow task waiting on its local activities keeps
   * its worker slot until they answer; had the registry to share those slots, a worker whose
   * slots all held such tasks could not run the registry's workflow task that answers them (each
   * would wait for its workflow-task heartbeat, seconds each time). Registries started before
   * this queue existed keep running on the orchestrator's queue, where the registry stays
   * registered too.
   */
  public static final String TASK_QUEUE = "dsr-holds";

  private HoldRegistryWorkers() {}

  /** Registers the registry; it continues as new after {@code maxHistory} events. */
  public static void register(Worker worker, int maxHistory) {
    worker.registerWorkflowImplementationFactory(HoldRegistryWorkflow.class,
        args -> new HoldRegistryWorkflowImpl(maxHistory, args.get(0, HoldRegistryState.class)),
        WorkflowImplementationOptions.newBuilder().build());
  }
}
