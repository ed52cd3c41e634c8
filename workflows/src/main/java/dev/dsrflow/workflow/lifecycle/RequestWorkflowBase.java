package dev.dsrflow.workflow.lifecycle;

import dev.dsrflow.ledger.LedgerEvent;
import dev.dsrflow.ledger.RequestSnapshot;
import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.notification.Notice;
import dev.dsrflow.product.ProductCatalog;
import dev.dsrflow.product.activity.ProductStep;
import dev.dsrflow.workflow.ClosingActivities;
import dev.dsrflow.workflow.CodeAttempt;
import dev.dsrflow.workflow.CodeResend;
import dev.dsrflow.workflow.OperatorAction;
import dev.dsrflow.workflow.ProductAction;
import dev.dsrflow.workflow.Renewal;
import dev.dsrflow.workflow.RequestWorkflow;
import dev.dsrflow.workflow.VerificationAnswer;
import io.temporal.workflow.Functions;
import io.temporal.workflow.Workflow;

/**
 * What every request workflow implementation shares: its state, ledger journal, deadline
 * watch, product fan-out and the operator updates (delegated to {@link RequestControls}). It
 * holds no type-specific logic; renew and release are refused unless a subclass (preservation)
 * answers them. Built from the workflow's input so updates and queries always find state; the
 * products are called as the catalogue recorded in that input says ({@code RequestSpec.catalogue}).
 */
public abstract class RequestWorkflowBase implements RequestWorkflow {
    protected final RequestState state;
    protected final RequestJournal journal;
    protected final RequestControls controls;
    protected final ProductFanOut fanOut;
    protected final ProductStubs products;
    protected final DeadlineWatch deadline;
    protected final ClosingActivities closing = OrchestratorStubs.local(ClosingActivities.class);
    protected final SubjectNotices notices;
    private final IdentityCheck identity;
    private final SubjectResolution resolution;
    /** The product catalogue the request recorded at filing (never the live configuration). */
    protected final ProductCatalog catalog;

    protected RequestWorkflowBase(RequestSpec spec, ProductStep step, CancelRule cancelRule) {
        this.catalog = spec.catalogue().toCatalog();
        this.state = new RequestState(spec);
        this.journal = new RequestJournal(state);
        this.controls = new RequestControls(state, journal, cancelRule);
        this.products = new ProductStubs(catalog);
        this.fanOut = new ProductFanOut(journal, new ProductBatches(state, products), products);
        this.deadline = new DeadlineWatch(state, journal, spec.policy());
        this.notices = new SubjectNotices(state);
        this.identity = new IdentityCheck(state, journal, notices);
        RequestSetup.addProducts(state, catalog, step.capability(), spec.receivedAt());
        this.resolution = new SubjectResolution(state, journal, products);
    }

    /**
     * Sets the due date, re-applies decisions an earlier run recorded (a re-driven request),
     * notes the start, starts the deadline watch and resolves the subject to every identifier of
     * the person ({@link SubjectResolution}): every later step, hold and erase claim uses its keys.
     */
    protected void begin(boolean hasDeadline, String detail) {
        RequestSpec spec = state.spec();
        if (hasDeadline) {
            state.setDeadline(DeadlinePolicy.dueAt(spec.jurisdiction(), spec.receivedAt(), spec.policy()));
        }
        for (LedgerEvent decision : journal.restoreDecisions()) {
            restore(decision);
        }
        journal.note("STARTED", detail);
        deadline.start();
        resolution.run();
        if (hasDeadline) {
            notices.acknowledge();
        }
    }

    /**
     * A request filed with verification {@code REQUIRED} waits in {@code AWAITING_VERIFICATION}
     * until its subject enters the code mailed to them ({@link IdentityCheck}); true when the run
     * may go on (verified, or nothing to verify), false when it ended (rejected UNVERIFIED after
     * the window, or ended by an operator meanwhile). Its due date runs from receipt all along.
     */
    protected boolean identityVerified() {
        RequestSpec spec = state.spec();
        if (!spec.needsVerification()) {
            return true;
        }
        state.setDeadline(DeadlinePolicy.dueAt(spec.jurisdiction(), spec.receivedAt(), spec.policy()));
        if (identity.await()) {
            return true;
        }
        if (state.isFinal()) {
            end(state.status(), "ENDED", "ended by an operator before verification");
        } else {
            end(RequestStatus.REJECTED, "REJECTED", state.endReason());
        }
        return false;
    }

    /**
     * Re-applies one decision an earlier run recorded that only this request type knows (a
     * preservation's renewal or release), without recording it again; the shared ones (approval,
     * extension, products completed or skipped by hand) are applied already.
     */
    protected void restore(LedgerEvent decision) {}

    /**
     * Ends the request: moves it to {@code status} (unless an operator already ended it), writes
     * its last ledger entry and sends its notice, in one local activity.
     */
    protected void end(RequestStatus status, String kind, String detail) {
        end(status, kind, detail, last -> {
            closing.close(last);
            return null;
        });
    }

    /**
     * As {@link #end(RequestStatus, String, String)}, the local activity being {@code close}: it
     * gets the last write and notice and makes them with the request type's own last step (an
     * access report, a deletion certificate); returns what it returned.
     */
    protected <R> R end(
            RequestStatus status, String kind, String detail, Functions.Func1<ClosingActivities.Closing, R> close) {
        markEnded(status);
        R result = journal.recordLast(
                kind, detail, entry -> close.apply(new ClosingActivities.Closing(entry, notice(kind, detail))));
        notices.outcome();
        awaitHandlers();
        notices.awaitSent();
        return result;
    }

    private void markEnded(RequestStatus status) {
        deadline.stop();
        if (!state.isFinal()) {
            state.moveTo(status);
            state.setCompletedAt(WorkflowClock.now());
        }
    }

    /** The notice about the request's end (outbox in the default runtime). */
    private Notice notice(String kind, String detail) {
        RequestSpec spec = state.spec();
        return new Notice(
                spec.id() + ":" + kind,
                spec.id(),
                spec.type().name(),
                kind,
                state.status().name(),
                spec.subjectKey(),
                WorkflowClock.now(),
                detail,
                state.download() == null ? null : state.download().token());
    }

    /** Lets running update handlers (e.g. the one that rejected the request) return first. */
    protected void awaitHandlers() {
        Workflow.await(Workflow::isEveryHandlerFinished);
    }

    @Override
    public RequestSnapshot approve(OperatorAction action) {
        return controls.approve(action);
    }

    @Override
    public void validateApprove(OperatorAction action) {
        controls.validateApprove(action);
    }

    @Override
    public RequestSnapshot reject(OperatorAction action) {
        return controls.reject(action);
    }

    @Override
    public void validateReject(OperatorAction action) {
        controls.validateReject(action);
    }

    @Override
    public RequestSnapshot cancel(OperatorAction action) {
        return controls.cancel(action);
    }

    @Override
    public void validateCancel(OperatorAction action) {
        controls.validateCancel(action);
    }

    @Override
    public RequestSnapshot extend(OperatorAction action) {
        RequestSnapshot extended = controls.extend(action);
        notices.extension(action.reason());
        return extended;
    }

    @Override
    public void validateExtend(OperatorAction action) {
        controls.validateExtend(action);
    }

    @Override
    public RequestSnapshot retryProduct(ProductAction action) {
        return controls.retryProduct(action);
    }

    @Override
    public void validateRetryProduct(ProductAction action) {
        controls.validateRetryProduct(action);
    }

    @Override
    public RequestSnapshot completeProduct(ProductAction action) {
        return controls.completeProduct(action);
    }

    @Override
    public void validateCompleteProduct(ProductAction action) {
        controls.validateCompleteProduct(action);
    }

    @Override
    public RequestSnapshot skipProduct(ProductAction action) {
        return controls.skipProduct(action);
    }

    @Override
    public void validateSkipProduct(ProductAction action) {
        controls.validateSkipProduct(action);
    }

    @Override
    public RequestSnapshot renew(Renewal renewal) {
        throw Rejections.of(Rejections.NOT_ALLOWED_NOW, "only preservations can be renewed");
    }

    @Override
    public void validateRenew(Renewal renewal) {
        throw Rejections.of(Rejections.NOT_ALLOWED_NOW, "only preservations can be renewed");
    }

    @Override
    public RequestSnapshot release(OperatorAction action) {
        throw Rejections.of(Rejections.NOT_ALLOWED_NOW, "only preservations can be released");
    }

    @Override
    public void validateRelease(OperatorAction action) {
        throw Rejections.of(Rejections.NOT_ALLOWED_NOW, "only preservations can be released");
    }

    @Override
    public VerificationAnswer verify(CodeAttempt attempt) {
        return identity.verify(attempt);
    }

    @Override
    public void validateVerify(CodeAttempt attempt) {
        identity.validateVerify(attempt);
    }

    @Override
    public RequestSnapshot resendCode(CodeResend resend) {
        return identity.resend(resend);
    }

    @Override
    public void validateResendCode(CodeResend resend) {
        identity.validateResend(resend);
    }

    @Override
    public RequestSnapshot view() {
        return state.snapshot();
    }
}
