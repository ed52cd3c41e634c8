package dev.dsrflow.workflow.lifecycle;

import dev.dsrflow.ledger.RequestSnapshot;
import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.notification.Notice;
import dev.dsrflow.notification.NotificationActivities;
import dev.dsrflow.product.Capability;
import dev.dsrflow.product.ProductCatalog;
import dev.dsrflow.workflow.ChangeIds;
import dev.dsrflow.workflow.OperatorAction;
import dev.dsrflow.workflow.ProductAction;
import dev.dsrflow.workflow.Renewal;
import dev.dsrflow.workflow.RequestWorkflow;
import io.temporal.workflow.Workflow;

/**
 * What every request workflow implementation shares: its state, ledger journal, deadline
 * watch, product fan-out and the operator updates (delegated to {@link RequestControls}). It
 * holds no type-specific logic; renew and release are refused unless a subclass (preservation)
 * answers them. Built from the workflow's input so updates and queries always find state.
 */
public abstract class RequestWorkflowBase implements RequestWorkflow {
    protected final RequestState state;
    protected final RequestJournal journal;
    protected final RequestControls controls;
    protected final ProductFanOut fanOut;
    protected final ProductStubs products;
    protected final DeadlineWatch deadline;
    private final NotificationActivities notifications = OrchestratorActivities.stub(NotificationActivities.class);
    private final NotificationActivities localNotifications =
            OrchestratorActivities.localStub(NotificationActivities.class);

    protected RequestWorkflowBase(RequestSpec spec, ProductCatalog catalog, Capability step, CancelRule cancelRule) {
        this.state = new RequestState(spec);
        this.journal = new RequestJournal(state);
        this.controls = new RequestControls(state, journal, cancelRule);
        this.products = new ProductStubs(catalog);
        this.fanOut = new ProductFanOut(journal, new ProductBatches(state, ChangeIds.FAN_OUT_BATCHES), products);
        this.deadline = new DeadlineWatch(state, journal, spec.policy());
        RequestSetup.addProducts(state, catalog, step, spec.receivedAt());
    }

    /**
     * Sets the due date, re-applies decisions an earlier run recorded (a re-driven request),
     * records the start and starts the deadline watch.
     */
    protected void begin(boolean hasDeadline, String detail) {
        RequestSpec spec = state.spec();
        if (hasDeadline) {
            state.setDeadline(DeadlinePolicy.dueAt(spec.jurisdiction(), spec.receivedAt(), spec.policy()));
        }
        journal.restoreDecisions();
        journal.record(RequestJournal.SYSTEM, "STARTED", detail);
        deadline.start();
    }

    /** Ends the request in a final status (unless an operator already ended it) and stops timers. */
    protected RequestSnapshot finish(RequestStatus status, String kind, String detail) {
        deadline.stop();
        if (!state.isFinal()) {
            state.moveTo(status);
            state.setCompletedAt(RequestJournal.now());
        }
        RequestSnapshot snapshot = journal.record(RequestJournal.SYSTEM, kind, detail);
        notify(kind, detail, state.download() == null ? null : state.download().token());
        awaitHandlers();
        return snapshot;
    }

    /** Sends a notice about the request (outbox in the default runtime). */
    protected void notify(String kind, String detail, String linkToken) {
        RequestSpec spec = state.spec();
        (journal.batching() ? localNotifications : notifications)
                .send(new Notice(
                        spec.id() + ":" + kind,
                        spec.id(),
                        spec.type().name(),
                        kind,
                        state.status().name(),
                        spec.subjectKey(),
                        RequestJournal.now(),
                        detail,
                        linkToken));
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
        return controls.extend(action);
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
    public RequestSnapshot view() {
        return state.snapshot();
    }
}
