package dev.dsrflow.workflow.lifecycle;

import dev.dsrflow.ledger.RequestSnapshot;
import dev.dsrflow.model.ProductTaskStatus;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.workflow.OperatorAction;
import dev.dsrflow.workflow.ProductAction;
import java.time.Instant;

/**
 * The operator actions every request answers: validation (read-only, so a refusal leaves no
 * history) and the accepted transition, recorded with its actor before the update returns.
 */
public final class RequestControls {
    private final RequestState state;
    private final RequestJournal journal;
    private final CancelRule cancelRule;
    private Runnable onCancel = () -> {};

    public RequestControls(RequestState state, RequestJournal journal, CancelRule cancelRule) {
        this.state = state;
        this.journal = journal;
        this.cancelRule = cancelRule;
    }

    /** What to do right after a cancel is accepted (e.g. cancel the running step's scope). */
    public void onCancel(Runnable action) {
        this.onCancel = action;
    }

    public void validateApprove(OperatorAction a) {
        Rejections.requireActor(a.actor());
        requireAwaitingApproval("approve");
        requireSecondPerson(a.actor(), "approve");
    }

    public RequestSnapshot approve(OperatorAction a) {
        state.approve(a.actor());
        return journal.record(a.actor(), "APPROVED", a.reason());
    }

    public void validateReject(OperatorAction a) {
        Rejections.requireActor(a.actor());
        requireAwaitingApproval("reject");
        requireSecondPerson(a.actor(), "reject");
        Rejections.requireReason(a.reason(), "reject");
    }

    public RequestSnapshot reject(OperatorAction a) {
        state.moveTo(RequestStatus.REJECTED);
        state.setEndedBy(a.actor());
        state.setEndReason(a.reason());
        state.setCompletedAt(WorkflowClock.now());
        return journal.record(a.actor(), "REJECTED", a.reason());
    }

    public void validateCancel(OperatorAction a) {
        Rejections.requireActor(a.actor());
        if (!cancelRule.allows(state.status())) {
            throw Rejections.of(
                    Rejections.NOT_ALLOWED_NOW,
                    "a " + state.spec().type() + " request can be cancelled " + cancelRule.explanation() + "; it is "
                            + state.status());
        }
    }

    public RequestSnapshot cancel(OperatorAction a) {
        state.moveTo(RequestStatus.CANCELLED);
        state.setEndedBy(a.actor());
        state.setCompletedAt(WorkflowClock.now());
        RequestSnapshot snapshot = journal.record(a.actor(), "CANCELLED", a.reason());
        onCancel.run();
        return snapshot;
    }

    public void validateExtend(OperatorAction a) {
        Rejections.requireActor(a.actor());
        Rejections.requireReason(a.reason(), "extend");
        if (state.dueAt() == null || state.isFinal()) {
            throw Rejections.of(Rejections.NOT_ALLOWED_NOW, "this request has no running deadline");
        }
        if (state.extended()) {
            throw Rejections.of(Rejections.NOT_ALLOWED_NOW, "the deadline was already extended once");
        }
        if (!WorkflowClock.now().isBefore(state.originalDueAt())) {
            throw Rejections.of(
                    Rejections.NOT_ALLOWED_NOW, "an extension must be decided before the original due date");
        }
    }

    public RequestSnapshot extend(OperatorAction a) {
        Instant newDue = DeadlinePolicy.extendedDueAt(
                state.spec().jurisdiction(),
                state.spec().receivedAt(),
                state.spec().policy());
        state.extendTo(newDue);
        return journal.record(a.actor(), "EXTENDED", "due date moved to " + newDue + ": " + a.reason());
    }

    public void validateRetryProduct(ProductAction a) {
        ProductTaskState task = requireProduct(a);
        if (task.status() != ProductTaskStatus.FAILED) {
            throw Rejections.of(
                    Rejections.NOT_ALLOWED_NOW, "only a FAILED product can be retried; it is " + task.status());
        }
    }

    public RequestSnapshot retryProduct(ProductAction a) {
        ProductTaskState task = state.product(a.product()).orElseThrow();
        task.moveTo(ProductTaskStatus.PENDING, "retry requested by " + a.actor(), WorkflowClock.now());
        return journal.record(a.actor(), "PRODUCT_RETRY", a.product(), a.reason());
    }

    public void validateCompleteProduct(ProductAction a) {
        ProductTaskState task = requireProduct(a);
        Rejections.requireReason(a.reason(), "completing a product by hand");
        if (task.status() != ProductTaskStatus.FAILED && task.status() != ProductTaskStatus.MANUAL) {
            throw Rejections.of(
                    Rejections.NOT_ALLOWED_NOW,
                    "only a FAILED or MANUAL product can be completed by hand; it is " + task.status());
        }
    }

    public RequestSnapshot completeProduct(ProductAction a) {
        ProductTaskState task = state.product(a.product()).orElseThrow();
        task.moveTo(
                ProductTaskStatus.DONE, "completed by hand by " + a.actor() + ": " + a.reason(), WorkflowClock.now());
        return journal.record(a.actor(), "PRODUCT_COMPLETED_BY_HAND", a.product(), a.reason());
    }

    public void validateSkipProduct(ProductAction a) {
        ProductTaskState task = requireProduct(a);
        Rejections.requireReason(a.reason(), "skip");
        if (task.status().isSettled() || task.status() == ProductTaskStatus.RUNNING) {
            throw Rejections.of(Rejections.NOT_ALLOWED_NOW, "a " + task.status() + " product cannot be skipped");
        }
    }

    public RequestSnapshot skipProduct(ProductAction a) {
        ProductTaskState task = state.product(a.product()).orElseThrow();
        task.moveTo(ProductTaskStatus.SKIPPED, "skipped by " + a.actor() + ": " + a.reason(), WorkflowClock.now());
        return journal.record(a.actor(), "PRODUCT_SKIPPED", a.product(), a.reason());
    }

    private ProductTaskState requireProduct(ProductAction a) {
        Rejections.requireActor(a.actor());
        if (state.isFinal()) {
            throw Rejections.of(Rejections.NOT_ALLOWED_NOW, "the request is " + state.status());
        }
        return state.product(a.product())
                .orElseThrow(() -> Rejections.of(
                        Rejections.UNKNOWN_PRODUCT, "product " + a.product() + " is not part of this request"));
    }

    private void requireAwaitingApproval(String action) {
        if (state.status() != RequestStatus.AWAITING_APPROVAL || state.approvedBy() != null) {
            throw Rejections.of(Rejections.NOT_ALLOWED_NOW, "cannot " + action + ": the request is " + state.status());
        }
    }

    private void requireSecondPerson(String actor, String action) {
        if (actor.equals(state.spec().requestedBy())) {
            throw Rejections.of(Rejections.FOUR_EYES, "the requester cannot " + action + " their own request");
        }
    }
}
