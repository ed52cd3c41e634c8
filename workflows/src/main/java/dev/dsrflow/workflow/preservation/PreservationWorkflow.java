package dev.dsrflow.workflow.preservation;

import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.workflow.RequestWorkflow;
import dev.dsrflow.workflow.WorkflowTypes;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Legal preservation (legal hold): approval by a second legal person, the hold registered in
 * the subject's hold registry first, then products preserve the data and return receipts
 * (including what was already erased). ACTIVE until the process expires (a preservation letter:
 * 90 days from receipt, renewable once by 90), is released, or is renewed (the timer re-arms).
 * On end, products release their copies and the hold leaves the registry, so deferred
 * deletions resume; the request ends EXPIRED or RELEASED.
 */
@WorkflowInterface
public interface PreservationWorkflow extends RequestWorkflow {
    /** Runs the preservation to EXPIRED, RELEASED, REJECTED or CANCELLED. */
    @WorkflowMethod(name = WorkflowTypes.PRESERVATION)
    void run(RequestSpec spec);
}
