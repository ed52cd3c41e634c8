package dev.dsrflow.workflow.deletion;

import dev.dsrflow.certificate.DeletionEvidence;
import dev.dsrflow.ledger.RequestSnapshot;
import dev.dsrflow.model.ProductTaskStatus;
import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.product.activity.ProductStep;
import dev.dsrflow.workflow.ClosingActivities;
import dev.dsrflow.workflow.ProductAction;
import dev.dsrflow.workflow.holds.HoldsLifted;
import dev.dsrflow.workflow.lifecycle.ApprovalGate;
import dev.dsrflow.workflow.lifecycle.CancelRule;
import dev.dsrflow.workflow.lifecycle.ProductTaskState;
import dev.dsrflow.workflow.lifecycle.Rejections;
import dev.dsrflow.workflow.lifecycle.RequestWorkflowBase;
import dev.dsrflow.workflow.lifecycle.StepContext;
import dev.dsrflow.workflow.lifecycle.WorkflowClock;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.List;

/** Approval, grace period with restriction, hold-aware erasure, verification, certificate. */
public final class DeletionWorkflowImpl extends RequestWorkflowBase implements DeletionWorkflow {
    /** Version of this workflow code, written into certificates. */
    public static final String ORCHESTRATOR_VERSION = "dsrflow-deletion/1";

    private final HoldClaims holds;
    private final GracePeriod grace;
    private final Erasure erasure;
    private Instant erasureStartedAt;

    public DeletionWorkflowImpl(RequestSpec spec) {
        super(spec, ProductStep.ERASE, CancelRule.BEFORE_ERASURE);
        this.holds = new HoldClaims(state);
        this.grace = new GracePeriod(state, journal, products);
        this.erasure = new Erasure(() -> StepContext.of(state, null), products, holds, journal, this::refreshStatus);
    }

    @Override
    public void run(RequestSpec spec) {
        if (!identityVerified()) {
            return;
        }
        begin(true, "deletion across " + spec.products().size() + " products");
        if (!ApprovalGate.await(state, journal)) {
            end(state.status(), "ENDED", "ended before approval");
            return;
        }
        try {
            if (!grace.pass()) {
                end(RequestStatus.CANCELLED, "ENDED", "cancelled during the grace period; data visible again");
                return;
            }
        } catch (CanceledFailure workflowCancelled) {
            // the workflow itself was cancelled (not through the update): compensate, then end
            Workflow.newDetachedCancellationScope(() -> {
                        grace.compensate();
                        end(
                                RequestStatus.CANCELLED,
                                "ENDED",
                                "workflow cancelled during the grace period; data visible again");
                    })
                    .run();
            return;
        }
        erase(spec);
        DeletionEvidence evidence = evidence(spec);
        String certificate = end(
                RequestStatus.COMPLETED,
                "COMPLETED",
                "every product erased, completed by hand or skipped; certificate issued",
                last -> closing.closeDeletion(new ClosingActivities.DeletionClosing(evidence, last)));
        state.setCertificate(certificate);
    }

    /** Erasing by hand is erasing too: only once erasure started, and never under a hold. */
    @Override
    public void validateCompleteProduct(ProductAction action) {
        super.validateCompleteProduct(action);
        if (state.status() != RequestStatus.IN_PROGRESS && state.status() != RequestStatus.WAITING_ON_HOLD) {
            throw Rejections.of(
                    Rejections.NOT_ALLOWED_NOW, "a product can be completed by hand only once erasure has started");
        }
    }

    @Override
    public RequestSnapshot completeProduct(ProductAction action) {
        List<String> heldBy = holds.claim(action.product());
        if (!heldBy.isEmpty()) {
            throw Rejections.of(
                    Rejections.NOT_ALLOWED_NOW,
                    "product " + action.product() + " is under a legal hold (" + String.join(", ", heldBy)
                            + "): do not erase it");
        }
        try {
            return super.completeProduct(action);
        } finally {
            holds.release(action.product());
        }
    }

    @Override
    public void holdsLifted(HoldsLifted lifted) {
        erasure.lifted(lifted.products());
    }

    private void erase(RequestSpec spec) {
        erasureStartedAt = WorkflowClock.now();
        state.moveTo(RequestStatus.IN_PROGRESS);
        List<String> automated = state.products().stream()
                .filter(t -> t.status() == ProductTaskStatus.PENDING)
                .map(ProductTaskState::product)
                .toList();
        List<String> held = holds.claimAll(automated);
        for (String product : held) {
            state.product(product)
                    .orElseThrow()
                    .moveTo(ProductTaskStatus.DEFERRED, "under a legal hold", WorkflowClock.now());
        }
        refreshStatus();
        journal.note(
                "ERASURE_STARTED",
                held.isEmpty()
                        ? "no product is held"
                        : held.size() + " products deferred by legal holds: " + String.join(", ", held));
        // granted products are erased inline (promises scheduled from here), or by batch children over more
        // products than the batch size; held ones stay here, DEFERRED, and are erased here once their hold lifts
        fanOut.run(
                state.products(), ProductStep.ERASE, StepContext.of(state, null), erasure::run, erasure.batchHooks());
        state.moveTo(RequestStatus.IN_PROGRESS);
    }

    private DeletionEvidence evidence(RequestSpec spec) {
        return new DeletionEvidence(
                spec.id(),
                spec.subjectKey(),
                spec.jurisdiction().name(),
                spec.receivedAt(),
                spec.requestedBy(),
                state.approvedBy(),
                erasureStartedAt,
                WorkflowClock.now(),
                ORCHESTRATOR_VERSION,
                state.products().stream()
                        .map(t -> erasure.tally(t.product()).evidence(t))
                        .toList());
    }

    /** IN_PROGRESS, or WAITING_ON_HOLD while any product is deferred by a hold. */
    private void refreshStatus() {
        if (state.status() == RequestStatus.IN_PROGRESS || state.status() == RequestStatus.WAITING_ON_HOLD) {
            state.moveTo(
                    state.anyProduct(ProductTaskStatus.DEFERRED)
                            ? RequestStatus.WAITING_ON_HOLD
                            : RequestStatus.IN_PROGRESS);
        }
    }
}
