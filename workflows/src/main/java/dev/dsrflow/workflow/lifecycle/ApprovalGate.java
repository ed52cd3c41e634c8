package dev.dsrflow.workflow.lifecycle;

import dev.dsrflow.model.RequestStatus;
import io.temporal.workflow.Workflow;

/**
 * Four eyes: a request that needs approval waits in AWAITING_APPROVAL until a second person
 * approves it, or it is rejected or cancelled. {@code autoApproveAll} (benchmarks only) skips
 * the wait and says so in the ledger.
 */
public final class ApprovalGate {
    private ApprovalGate() {}

    /** True when the request may proceed; false when it was rejected or cancelled. */
    public static boolean await(RequestState state, RequestJournal journal) {
        if (!state.spec().type().needsApproval()) {
            return true;
        }
        if (state.spec().policy().autoApproveAll()) {
            state.approve(RequestJournal.SYSTEM);
            journal.note("APPROVED", "auto-approved by configuration (autoApproveAll)");
            return true;
        }
        state.moveTo(RequestStatus.AWAITING_APPROVAL);
        journal.note("AWAITING_APPROVAL", "waiting for a second person to approve");
        Workflow.await(() -> state.approvedBy() != null || state.isFinal());
        return !state.isFinal();
    }
}
