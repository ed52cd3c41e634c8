package dev.dsrflow.workflow.access;

import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.workflow.RequestWorkflow;
import dev.dsrflow.workflow.WorkflowTypes;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Right of access: every product in scope locates what it holds on the subject; the inventories
 * are joined with the policy's data map into a report (JSON and HTML in the blob store).
 * Auto-approved; cancellable until it completes.
 */
@WorkflowInterface
public interface AccessWorkflow extends RequestWorkflow {
    /** Runs the request to COMPLETED (or CANCELLED). */
    @WorkflowMethod(name = WorkflowTypes.ACCESS)
    void run(RequestSpec spec);
}
