package dev.dsrflow.workflow.download;

import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.workflow.RequestWorkflow;
import dev.dsrflow.workflow.WorkflowTypes;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Portable export: every product exports into the request's staging area, one zip package is
 * built with a manifest and an index page, and a signed link is issued; the workflow ends there.
 * Once the link expires, the ledger's sweep ({@code PackageExpiry}, in the orchestrator process)
 * purges package, staging area and the link token in the outbox, whatever restarted in between.
 * Cancellable until the package is ready.
 */
@WorkflowInterface
public interface DownloadWorkflow extends RequestWorkflow {
    /** Runs the request to COMPLETED (package ready; purged after expiry) or CANCELLED. */
    @WorkflowMethod(name = WorkflowTypes.DOWNLOAD)
    void run(RequestSpec spec);
}
