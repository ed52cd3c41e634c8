package dev.dsrflow.workflow.deletion;

import dev.dsrflow.model.ProductTaskStatus;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.product.activity.ProductStep;
import dev.dsrflow.workflow.lifecycle.DeadlinePolicy;
import dev.dsrflow.workflow.lifecycle.ProductBatches;
import dev.dsrflow.workflow.lifecycle.ProductStubs;
import dev.dsrflow.workflow.lifecycle.ProductTaskState;
import dev.dsrflow.workflow.lifecycle.RequestJournal;
import dev.dsrflow.workflow.lifecycle.RequestSetup;
import dev.dsrflow.workflow.lifecycle.RequestState;
import dev.dsrflow.workflow.lifecycle.StepContext;
import dev.dsrflow.workflow.lifecycle.StepOutcome;
import dev.dsrflow.workflow.lifecycle.WorkflowClock;
import io.temporal.workflow.Saga;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The deletion's grace period, from {@code receivedAt} for {@code policy.gracePeriod}: products
 * restrict (hide) the data at once; a cancel inside the period unrestricts it again
 * (compensation registered before restricting, run in a detached scope).
 *
 * <p>Over more products than the request's batch size, restrict and unrestrict run in batch child
 * workflows: cancelling the deletion cancels the restrict batches, then the compensation starts
 * unrestrict batches of its own in the detached scope.
 *
 * <p>Restriction exists only to hide the data <em>during</em> the grace period, while the
 * request can still be cancelled. When the period has already ended at the moment restriction
 * would start (a grace period of zero, or a request re-driven from the ledger after its grace
 * end, which is computed from the absolute {@code receivedAt}), there is no window left to hide
 * anything in and no cancel left to compensate: erasure follows at once. Such a deletion
 * therefore skips restrict and registers no unrestrict compensation, saving one product call per
 * product and its history.
 */
final class GracePeriod {
    private final RequestState state;
    private final RequestJournal journal;
    private final ProductStubs products;
    private final ProductBatches batches;
    private final Saga saga =
            new Saga(new Saga.Options.Builder().setParallelCompensation(false).build());

    GracePeriod(RequestState state, RequestJournal journal, ProductStubs products) {
        this.state = state;
        this.journal = journal;
        this.products = products;
        this.batches = new ProductBatches(state, products);
    }

    /** Runs the grace period; true when it passed, false when the request was cancelled in it. */
    boolean pass() {
        DeadlinePolicy.GraceEnd end = DeadlinePolicy.graceEndsAt(
                state.spec().receivedAt(), state.dueAt(), state.spec().policy());
        Instant ends = end.endsAt();
        state.setGraceEnds(ends, end.shortened() ? end.configured() : null);
        state.moveTo(RequestStatus.GRACE_PERIOD);
        String shortened = end.shortened()
                ? "; grace period shortened from " + end.configured() + " to end "
                        + state.spec().policy().eraseBudget().toDays() + " days before the due date " + state.dueAt()
                : "";
        if (!WorkflowClock.now().isBefore(ends)) {
            journal.note(
                    "GRACE_PERIOD",
                    "grace period ended at " + ends + "; erasure starts now, nothing restricted" + shortened);
            return !state.isFinal();
        }
        List<String> restrictable = restrictable();
        saga.addCompensation(() -> all(restrictable, "UNRESTRICTED", ProductStep.UNRESTRICT));
        journal.note("GRACE_PERIOD", "erasure starts at " + ends + shortened);
        all(restrictable, "RESTRICTED", ProductStep.RESTRICT);
        Duration left = Duration.between(WorkflowClock.now(), ends);
        if (left.isNegative() || left.isZero()) {
            return !state.isFinal();
        }
        Workflow.await(left, state::isFinal);
        if (state.isFinal()) {
            Workflow.newDetachedCancellationScope(this::compensate).run();
            return false;
        }
        return true;
    }

    /** Makes the restricted data visible again (nothing when nothing was restricted). */
    void compensate() {
        saga.compensate();
    }

    private List<String> restrictable() {
        List<String> out = new ArrayList<>();
        for (ProductTaskState t : state.products()) {
            if (t.status() == ProductTaskStatus.PENDING
                    && RequestSetup.automated(products.catalog().get(t.product()), ProductStep.RESTRICT.capability())) {
                out.add(t.product());
            }
        }
        return out;
    }

    /**
     * Runs one call per product in parallel (inline, or in batch children over the batch size);
     * a product whose call failed is named, never fatal (best effort).
     */
    private void all(List<String> ids, String kind, ProductStep step) {
        if (ids.isEmpty()) {
            return;
        }
        Map<String, StepOutcome> outcomes = batches.runAll(step, StepContext.of(state, null), ids);
        long items = 0;
        List<String> failed = new ArrayList<>();
        for (var e : outcomes.entrySet()) {
            if (e.getValue().status() == ProductTaskStatus.FAILED) {
                failed.add(e.getKey());
            } else if (e.getValue().result() != null) {
                items += e.getValue().result().items();
            }
        }
        journal.note(
                kind,
                items + " items in " + (ids.size() - failed.size()) + " products"
                        + (batches.runsInBatches(ids.size())
                                ? " in " + ((ids.size() + batches.size() - 1) / batches.size()) + " batches"
                                : "")
                        + (failed.isEmpty()
                                ? ""
                                : "; failed in " + failed.size() + " products: " + String.join(", ", failed)));
    }
}
