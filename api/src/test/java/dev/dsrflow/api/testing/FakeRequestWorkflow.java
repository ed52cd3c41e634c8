package dev.dsrflow.api.testing;

import dev.dsrflow.ledger.LedgerActivities;
import dev.dsrflow.ledger.LedgerEntry;
import dev.dsrflow.ledger.LedgerEvent;
import dev.dsrflow.ledger.ProductSnapshot;
import dev.dsrflow.ledger.RequestSnapshot;
import dev.dsrflow.model.ProductTaskStatus;
import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.workflow.OperatorAction;
import dev.dsrflow.workflow.ProductAction;
import dev.dsrflow.workflow.Renewal;
import dev.dsrflow.workflow.RequestWorkflow;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small state machine that honours the update contract of {@link RequestWorkflow} well enough
 * for the API's tests: approvals with four eyes, cancel, extend once, product retry, complete
 * and skip, renew and release. Automated products start FAILED (as if their retries ran out);
 * the product {@code legacy} starts MANUAL. Every transition is written to the ledger through
 * the real ledger activity, like the real workflows do.
 */
abstract class FakeRequestWorkflow implements RequestWorkflow {
    static final String MANUAL_PRODUCT = "legacy";

    private final LedgerActivities ledger = Workflow.newLocalActivityStub(
            LedgerActivities.class,
            LocalActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofSeconds(10))
                    .build());

    private RequestSpec spec;
    private RequestStatus status;
    private Instant dueAt;
    private boolean extended;
    private String approvedBy;
    private Instant graceEndsAt;
    private Instant holdExpiresAt;
    private Instant completedAt;
    private long revision;
    private int events;
    private final Map<String, ProductTaskStatus> products = new LinkedHashMap<>();

    void execute(RequestSpec spec) {
        this.spec = spec;
        dueAt = spec.receivedAt().plus(Duration.ofDays(30));
        status = spec.type().needsApproval() ? RequestStatus.AWAITING_APPROVAL : RequestStatus.IN_PROGRESS;
        for (String p : spec.products()) {
            products.put(
                    p,
                    spec.type().needsApproval()
                            ? ProductTaskStatus.PENDING
                            : p.equals(MANUAL_PRODUCT) ? ProductTaskStatus.MANUAL : ProductTaskStatus.FAILED);
        }
        record("system", "STARTED", null, "fake workflow started");
        Workflow.await(() -> status.isFinal() && Workflow.isEveryHandlerFinished());
    }

    @Override
    public RequestSnapshot approve(OperatorAction action) {
        approvedBy = action.actor();
        if (spec.type() == RequestType.DELETION) {
            status = RequestStatus.GRACE_PERIOD;
            graceEndsAt = spec.receivedAt().plus(spec.policy().gracePeriod());
        } else {
            status = RequestStatus.ACTIVE;
            holdExpiresAt = spec.legalProcess().expiresAt() != null
                    ? spec.legalProcess().expiresAt()
                    : spec.receivedAt().plus(Duration.ofDays(90));
        }
        return record(action.actor(), "APPROVED", null, action.reason());
    }

    @Override
    public void validateApprove(OperatorAction action) {
        requireAwaitingApproval(action);
    }

    @Override
    public RequestSnapshot reject(OperatorAction action) {
        status = RequestStatus.REJECTED;
        return record(action.actor(), "REJECTED", null, action.reason());
    }

    @Override
    public void validateReject(OperatorAction action) {
        requireAwaitingApproval(action);
    }

    @Override
    public RequestSnapshot cancel(OperatorAction action) {
        status = RequestStatus.CANCELLED;
        return record(action.actor(), "CANCELLED", null, action.reason());
    }

    @Override
    public void validateCancel(OperatorAction action) {
        refuseIf(status.isFinal(), "the request is " + status);
        refuseIf(spec.type() == RequestType.PRESERVATION, "a preservation ends by release");
        refuseIf(
                spec.type() == RequestType.DELETION
                        && status != RequestStatus.AWAITING_APPROVAL
                        && status != RequestStatus.GRACE_PERIOD,
                "erasure has started");
    }

    @Override
    public RequestSnapshot extend(OperatorAction action) {
        extended = true;
        dueAt = dueAt.plus(Duration.ofDays(60));
        return record(action.actor(), "EXTENDED", null, action.reason());
    }

    @Override
    public void validateExtend(OperatorAction action) {
        refuseIf(status.isFinal(), "the request is " + status);
        refuseIf(extended, "the due date was extended already");
    }

    @Override
    public RequestSnapshot retryProduct(ProductAction action) {
        products.put(action.product(), ProductTaskStatus.RUNNING);
        return record(action.actor(), "PRODUCT_RETRIED", action.product(), action.reason());
    }

    @Override
    public void validateRetryProduct(ProductAction action) {
        refuseIf(products.get(action.product()) != ProductTaskStatus.FAILED, "the product is not FAILED");
    }

    @Override
    public RequestSnapshot completeProduct(ProductAction action) {
        products.put(action.product(), ProductTaskStatus.DONE);
        return settle(action, "PRODUCT_COMPLETED");
    }

    @Override
    public void validateCompleteProduct(ProductAction action) {
        ProductTaskStatus p = products.get(action.product());
        refuseIf(p != ProductTaskStatus.FAILED && p != ProductTaskStatus.MANUAL, "the product is not FAILED or MANUAL");
    }

    @Override
    public RequestSnapshot skipProduct(ProductAction action) {
        products.put(action.product(), ProductTaskStatus.SKIPPED);
        return settle(action, "PRODUCT_SKIPPED");
    }

    @Override
    public void validateSkipProduct(ProductAction action) {
        ProductTaskStatus p = products.get(action.product());
        refuseIf(p == null || p.isSettled() || status.isFinal(), "the product cannot be skipped");
    }

    @Override
    public RequestSnapshot renew(Renewal renewal) {
        holdExpiresAt = renewal.until();
        return record(renewal.actor(), "RENEWED", null, renewal.reason());
    }

    @Override
    public void validateRenew(Renewal renewal) {
        refuseIf(spec.type() != RequestType.PRESERVATION || status != RequestStatus.ACTIVE, "no hold in force");
        refuseIf(!renewal.until().isAfter(holdExpiresAt), "a renewal must move the end later");
    }

    @Override
    public RequestSnapshot release(OperatorAction action) {
        status = RequestStatus.RELEASED;
        completedAt = now();
        return record(action.actor(), "RELEASED", null, action.reason());
    }

    @Override
    public void validateRelease(OperatorAction action) {
        refuseIf(spec.type() != RequestType.PRESERVATION || status != RequestStatus.ACTIVE, "no hold in force");
    }

    @Override
    public RequestSnapshot view() {
        return snapshot();
    }

    private RequestSnapshot settle(ProductAction action, String kind) {
        if (status == RequestStatus.IN_PROGRESS && products.values().stream().allMatch(ProductTaskStatus::isSettled)) {
            status = RequestStatus.COMPLETED;
            completedAt = now();
        }
        return record(action.actor(), kind, action.product(), action.reason());
    }

    private void requireAwaitingApproval(OperatorAction action) {
        refuseIf(status != RequestStatus.AWAITING_APPROVAL, "the request is " + status + ", not AWAITING_APPROVAL");
        refuseIf(action.actor().equals(spec.requestedBy()), "the requester cannot decide on their own request");
    }

    private static void refuseIf(boolean refused, String why) {
        if (refused) {
            throw new IllegalStateException(why);
        }
    }

    private RequestSnapshot record(String actor, String kind, String product, String detail) {
        revision++;
        RequestSnapshot snapshot = snapshot();
        ledger.record(new LedgerEntry(
                snapshot, List.of(new LedgerEvent(spec.id() + ":" + (++events), now(), actor, kind, product, detail))));
        return snapshot;
    }

    private RequestSnapshot snapshot() {
        List<ProductSnapshot> tasks = products.entrySet().stream()
                .map(e -> new ProductSnapshot(e.getKey(), e.getValue(), 1, now(), null, null))
                .toList();
        return new RequestSnapshot(
                spec.id(),
                revision,
                spec.type(),
                status,
                spec.jurisdiction(),
                spec.subjectKey(),
                spec.receivedAt(),
                dueAt,
                extended,
                spec.requestedBy(),
                approvedBy,
                graceEndsAt,
                holdExpiresAt,
                completedAt,
                null,
                null,
                null,
                tasks);
    }

    private static Instant now() {
        return Instant.ofEpochMilli(Workflow.currentTimeMillis());
    }
}
