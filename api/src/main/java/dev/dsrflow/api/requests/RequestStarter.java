package dev.dsrflow.api.requests;

import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.temporal.TaskQueues;
import dev.dsrflow.workflow.WorkflowIds;
import dev.dsrflow.workflow.WorkflowTypes;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import jakarta.inject.Singleton;

/**
 * Starts a filed request's workflow. Idempotent: starting a request whose workflow runs, or
 * ran, does nothing, so a retried filing or the re-driver may call it again safely.
 */
@Singleton
public class RequestStarter {
    private final WorkflowClient client;

    RequestStarter(WorkflowClient client) {
        this.client = client;
    }

    /** Starts the workflow of the request's type under the request's workflow id. */
    public void start(RequestSpec spec) {
        WorkflowOptions options = WorkflowOptions.newBuilder()
                .setWorkflowId(WorkflowIds.request(spec.id()))
                .setTaskQueue(TaskQueues.ORCHESTRATOR)
                .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .build();
        try {
            client.newUntypedWorkflowStub(WorkflowTypes.of(spec.type()), options)
                    .start(spec);
        } catch (WorkflowExecutionAlreadyStarted e) {
            // it ran already (and finished): nothing to do
        }
    }
}
