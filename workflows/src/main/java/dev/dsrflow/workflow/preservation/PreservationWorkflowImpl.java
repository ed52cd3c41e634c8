package dev.dsrflow.workflow.preservation;

import dev.dsrflow.ledger.LedgerEvent;
import dev.dsrflow.ledger.RequestSnapshot;
import dev.dsrflow.model.LegalProcess;
import dev.dsrflow.model.ProductTaskStatus;
import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.product.activity.ProductStep;
import dev.dsrflow.workflow.OperatorAction;
import dev.dsrflow.workflow.Renewal;
import dev.dsrflow.workflow.holds.HoldChange;
import dev.dsrflow.workflow.holds.HoldPlacement;
import dev.dsrflow.workflow.holds.HoldRegistryActivities;
import dev.dsrflow.workflow.holds.HoldRegistryState;
import dev.dsrflow.workflow.lifecycle.ApprovalGate;
import dev.dsrflow.workflow.lifecycle.CancelRule;
import dev.dsrflow.workflow.lifecycle.OrchestratorStubs;
import dev.dsrflow.workflow.lifecycle.ProductTaskState;
import dev.dsrflow.workflow.lifecycle.Rejections;
import dev.dsrflow.workflow.lifecycle.RequestSetup;
import dev.dsrflow.workflow.lifecycle.RequestWorkflowBase;
import dev.dsrflow.workflow.lifecycle.StepContext;
import dev.dsrflow.workflow.lifecycle.WorkflowClock;
import io.temporal.workflow.Async;
import io.temporal.workflow.Functions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Approval, hold registration, preserve fan-out, ACTIVE until expiry or release, release fan-out. */
public final class PreservationWorkflowImpl extends RequestWorkflowBase implements PreservationWorkflow {
    private final HoldRegistryActivities holds =
            OrchestratorStubs.regular(HoldRegistryActivities.class, Duration.ofMinutes(10));
    private static final String RENEWED_UNTIL = "hold renewed until ";

    private int renewals;
    private Instant renewedUntil;
    private String releasedBy;

    public PreservationWorkflowImpl(RequestSpec spec) {
        super(spec, ProductStep.PRESERVE, CancelRule.BEFORE_APPROVAL);
    }

    @Override
    public void run(RequestSpec spec) {
        LegalProcess process = spec.legalProcess();
        begin(
                false,
                process.kind() + " " + process.reference() + " over "
                        + spec.products().size() + " products");
        if (!ApprovalGate.await(state, journal)) {
            end(state.status(), "ENDED", "ended before approval");
            return;
        }
        state.setHoldExpiresAt(
                renewedUntil != null ? renewedUntil : HoldTerm.initialExpiry(process, spec.receivedAt()));
        state.moveTo(RequestStatus.IN_PROGRESS);
        HoldPlacement placement = new HoldPlacement(holdId(), spec.id(), spec.products(), state.holdExpiresAt());
        everyRegistry(key -> holds.placeHold(key, placement));
        journal.note(
                "HOLD_REGISTERED",
                "hold on " + spec.products().size() + " products until "
                        + (state.holdExpiresAt() == null ? "released" : state.holdExpiresAt()));
        fanOut.run(state.products(), ProductStep.PRESERVE, StepContext.of(state, holdId()));
        if (releasedBy == null) {
            state.moveTo(RequestStatus.ACTIVE);
            journal.note("HOLD_ACTIVE", "every product preserved or settled by an operator");
        }
        awaitEnd();
        RequestStatus end = releasedBy != null ? RequestStatus.RELEASED : RequestStatus.EXPIRED;
        releaseProducts();
        everyRegistry(key -> holds.endHold(key, new HoldChange(holdId(), null)));
        end(
                end,
                end.name(),
                end == RequestStatus.RELEASED ? "released by " + releasedBy : "expired at " + state.holdExpiresAt());
    }

    private void awaitEnd() {
        while (releasedBy == null) {
            Instant until = state.holdExpiresAt();
            if (until == null) {
                Workflow.await(() -> releasedBy != null || state.holdExpiresAt() != null);
                continue;
            }
            Duration left = Duration.between(WorkflowClock.now(), until);
            if (left.isNegative() || left.isZero()) {
                return;
            }
            boolean changed = Workflow.await(left, () -> releasedBy != null || !until.equals(state.holdExpiresAt()));
            if (!changed) {
                return; // expired
            }
        }
    }

    private void releaseProducts() {
        for (ProductTaskState t : state.products()) {
            boolean automated = catalog.find(t.product())
                    .map(s -> RequestSetup.automated(s, ProductStep.RELEASE.capability()))
                    .orElse(false);
            t.moveTo(
                    automated ? ProductTaskStatus.PENDING : ProductTaskStatus.MANUAL,
                    automated ? "releasing" : "release the preserved copy by hand",
                    WorkflowClock.now());
        }
        journal.note("RELEASING", "products drop their preserved copies");
        fanOut.run(state.products(), ProductStep.RELEASE, StepContext.of(state, holdId()));
    }

    private String holdId() {
        return state.id();
    }

    /**
     * Makes the hold call in the registry of every subject key of the person (resolved when the
     * request began), all at once: the hold follows the person, whichever identifier a deletion
     * is filed with.
     */
    private void everyRegistry(Functions.Func1<String, HoldRegistryState> call) {
        List<Promise<HoldRegistryState>> calls = new ArrayList<>();
        for (String key : state.subjectKeys()) {
            calls.add(Async.function(call, key));
        }
        Promise.allOf(calls).get();
    }

    @Override
    public void validateRenew(Renewal renewal) {
        Rejections.requireActor(renewal.actor());
        Rejections.requireReason(renewal.reason(), "renew");
        if (state.status() != RequestStatus.ACTIVE || releasedBy != null) {
            throw Rejections.of(
                    Rejections.NOT_ALLOWED_NOW, "only an ACTIVE preservation can be renewed; it is " + state.status());
        }
        LegalProcess process = state.spec().legalProcess();
        if (!HoldTerm.renewable(process, renewals)) {
            throw Rejections.of(Rejections.NOT_ALLOWED_NOW, "a preservation letter can be renewed only once");
        }
        Instant current = state.holdExpiresAt();
        if (renewal.until() == null && current == null) {
            throw Rejections.of(Rejections.INVALID_INPUT, "until is required for a hold without expiry");
        }
        if (renewal.until() != null && current != null && !renewal.until().isAfter(current)) {
            throw Rejections.of(Rejections.INVALID_INPUT, "until must be after the current expiry " + current);
        }
        Instant limit = current == null ? null : HoldTerm.renewalLimit(process, current);
        if (limit != null && renewal.until() != null && renewal.until().isAfter(limit)) {
            throw Rejections.of(
                    Rejections.INVALID_INPUT,
                    "a preservation letter can be renewed by at most 90 days, until " + limit);
        }
    }

    @Override
    public RequestSnapshot renew(Renewal renewal) {
        Instant current = state.holdExpiresAt();
        Instant until = renewal.until() != null
                ? renewal.until()
                : HoldTerm.renewalLimit(state.spec().legalProcess(), current);
        renewals++;
        everyRegistry(key -> holds.renewHold(key, new HoldChange(holdId(), until)));
        state.setHoldExpiresAt(until);
        return journal.record(renewal.actor(), "RENEWED", RENEWED_UNTIL + until + ": " + renewal.reason());
    }

    /** A re-driven preservation keeps its renewals (the count and the last date) and a requested release. */
    @Override
    protected void restore(LedgerEvent decision) {
        switch (decision.kind()) {
            case "RENEWED" -> {
                renewals++;
                renewedUntil = renewedUntil(decision.detail());
            }
            case "RELEASE_REQUESTED" -> {
                releasedBy = decision.actor();
                state.setEndedBy(decision.actor());
            }
            default -> {
                // not a preservation's own decision
            }
        }
    }

    /** The date a RENEWED event's detail names ("hold renewed until <instant>: <reason>"). */
    static Instant renewedUntil(String detail) {
        String rest = detail.substring(RENEWED_UNTIL.length());
        return Instant.parse(rest.substring(0, rest.indexOf(": ")));
    }

    @Override
    public void validateRelease(OperatorAction action) {
        Rejections.requireActor(action.actor());
        Rejections.requireReason(action.reason(), "release");
        if (state.status() != RequestStatus.ACTIVE || releasedBy != null) {
            throw Rejections.of(
                    Rejections.NOT_ALLOWED_NOW, "only an ACTIVE preservation can be released; it is " + state.status());
        }
    }

    @Override
    public RequestSnapshot release(OperatorAction action) {
        releasedBy = action.actor();
        state.setEndedBy(action.actor());
        return journal.record(action.actor(), "RELEASE_REQUESTED", action.reason());
    }
}
