package dev.dsrflow.workflow.holds;

import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import io.temporal.worker.WorkflowImplementationOptions;
import java.time.Duration;

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

    /**
     * Options for the worker polling {@link #TASK_QUEUE}: without sticky execution. A registry
     * is idle between calls, and a sticky worker would leave it bound to the worker that ran its
     * last workflow task: when that process dies, the registry's next task (the next claim or
     * release, an Update that a deletion's local activity is blocked on) goes to the dead worker's
     * sticky queue. A Temporal cluster moves it to {@link #TASK_QUEUE} after the sticky
     * schedule-to-start timeout (5 s by default), but the Temporal test server (the embedded
     * Temporal and the one-machine cluster) never does: the Update, and with it every deletion of
     * the subject, would wait forever. With no sticky attributes every task goes to the shared
     * queue, which any live orchestrator polls; the price is replaying the registry's history
     * (bounded: it continues as new) on each of its workflow tasks.
     */
    public static WorkerOptions workerOptions() {
        return WorkerOptions.newBuilder()
                // zero: the worker sends no sticky attributes on completing a workflow task
                .setStickyQueueScheduleToStartTimeout(Duration.ZERO)
                .build();
    }

    /** Registers the registry; it continues as new after {@code maxHistory} events. */
    public static void register(Worker worker, int maxHistory) {
        worker.registerWorkflowImplementationFactory(
                HoldRegistryWorkflow.class,
                args -> new HoldRegistryWorkflowImpl(maxHistory, args.get(0, HoldRegistryState.class)),
                WorkflowImplementationOptions.newBuilder().build());
    }
}
