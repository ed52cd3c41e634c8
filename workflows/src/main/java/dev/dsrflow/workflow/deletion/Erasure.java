package dev.dsrflow.workflow.deletion;

import dev.dsrflow.model.ProductTaskStatus;
import dev.dsrflow.product.activity.ProductActivities;
import dev.dsrflow.product.activity.ProductStep;
import dev.dsrflow.product.activity.ProductStepResult;
import dev.dsrflow.workflow.holds.ClaimLease;
import dev.dsrflow.workflow.lifecycle.BatchOutcome;
import dev.dsrflow.workflow.lifecycle.BatchStep;
import dev.dsrflow.workflow.lifecycle.ProductCalls;
import dev.dsrflow.workflow.lifecycle.ProductFanOut;
import dev.dsrflow.workflow.lifecycle.ProductStubs;
import dev.dsrflow.workflow.lifecycle.ProductTaskState;
import dev.dsrflow.workflow.lifecycle.RequestJournal;
import dev.dsrflow.workflow.lifecycle.StepContext;
import dev.dsrflow.workflow.lifecycle.StepOutcome;
import dev.dsrflow.workflow.lifecycle.WorkflowClock;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A deletion's erasure of its products around the one erase-and-verify routine
 * ({@link EraseAndVerify}): for a product erased on its own (a held one once its hold lifts, an
 * operator's retry), wait while held, claim the erase from the hold registry (refused: DEFERRED
 * again), run the routine, and release the claim (also when the erase failed, so a FAILED
 * product holds no claim); for products erased in batches (children, or inline in the request
 * when they fit in one), use the claims granted when erasure began and release them as they
 * finish. Either way each run's calls go into the product's {@link ErasureTally}, so the certificate
 * counts what every call really erased (a later operator retry is a new call that counts from
 * zero, so nothing is counted twice), and every residue a verification found is journalled.
 *
 * <p>Every erase and verify call of the request ends within the product's claim lease
 * ({@link ClaimLease}): a call that cannot finish in time fails, and the product becomes FAILED
 * with its claim released; when too little of the lease is left to start one, the product is
 * claimed again instead.
 */
final class Erasure {
    /** How a run whose claim lease is nearly over ends: the product is claimed again and erased from the request. */
    private static final StepOutcome RECLAIM =
            new StepOutcome(ProductTaskStatus.PENDING, "claim lease nearly over; claiming again", null);

    /** The erase calls' context, read when a call starts: the subject is resolved after construction. */
    private final Supplier<StepContext> context;

    private final ProductStubs products;
    private final HoldClaims holds;
    private final RequestJournal journal;
    private final Runnable statusRefresh;
    private final Set<String> lifted = new HashSet<>();
    private final Map<String, ErasureTally> tallies = new LinkedHashMap<>();

    Erasure(
            Supplier<StepContext> context,
            ProductStubs products,
            HoldClaims holds,
            RequestJournal journal,
            Runnable statusRefresh) {
        this.context = context;
        this.products = products;
        this.holds = holds;
        this.journal = journal;
        this.statusRefresh = statusRefresh;
    }

    /** The registry says these products are free. */
    void lifted(Iterable<String> free) {
        free.forEach(lifted::add);
    }

    /** What the deletion did to the product so far. */
    ErasureTally tally(String product) {
        return tallies.getOrDefault(product, ErasureTally.NONE);
    }

    /**
     * Around erase batches (products granted when erasure began, erased by batch children, or
     * inline by the request when they fit in one batch): uses those grants before the batches
     * start (no registry call), and as products finish adds each one's run to its tally,
     * journals each residue, and releases their claims in one Update. Inline, each call's
     * timeout is bounded by the product's claim lease as for a product erased on its own; when
     * too little of the lease is left for the next call, the product comes back PENDING and is
     * claimed again and erased from the request.
     */
    ProductFanOut.BatchHooks batchHooks() {
        return new ProductFanOut.BatchHooks() {
            @Override
            public BatchStep inline(ProductStep step) {
                return (stubs, stepContext, product) -> {
                    EraseAndVerify run = routine(product, stepContext);
                    return run.run().handle((outcome, failure) -> {
                        if (failure == null) {
                            return BatchOutcome.of(product, outcome, run.calls(), 0);
                        }
                        if (failure instanceof LeaseSpent) {
                            return BatchOutcome.of(product, RECLAIM, run.calls(), 0);
                        }
                        return BatchOutcome.ofFailure(product, failure, run.calls(), run.failedCallItems(failure));
                    });
                };
            }

            @Override
            public void beforeBatches(List<String> batched) {
                holds.useGrants(batched);
            }

            @Override
            public List<RequestJournal.Note> afterBatch(List<BatchOutcome> outcomes) {
                List<RequestJournal.Note> notes = new ArrayList<>();
                for (BatchOutcome outcome : outcomes) {
                    notes.addAll(recordRun(outcome.product(), outcome.calls(), outcome.failedCallItems()));
                }
                holds.releaseAll(outcomes.stream().map(BatchOutcome::product).toList());
                return notes;
            }
        };
    }

    /** The fan-out work for one product erased on its own: a held one, an operator's retry, a renewed claim. */
    StepOutcome run(ProductTaskState task) {
        while (true) {
            if (task.status() == ProductTaskStatus.DEFERRED) {
                Workflow.await(
                        () -> lifted.contains(task.product()) || task.status().isSettled());
                if (task.status().isSettled()) {
                    return StepOutcome.done(task.detail(), null); // skipped by an operator while held
                }
                lifted.remove(task.product());
                task.countAttempt();
                task.moveTo(ProductTaskStatus.RUNNING, "hold lifted", WorkflowClock.now());
                statusRefresh.run();
                journal.note("PRODUCT_RESUMED", task.product(), "hold lifted; erasing");
            }
            List<String> heldBy = holds.claim(task.product());
            if (!heldBy.isEmpty()) {
                task.moveTo(ProductTaskStatus.DEFERRED, "held by " + String.join(", ", heldBy), WorkflowClock.now());
                statusRefresh.run();
                journal.note("PRODUCT_DEFERRED", task.product(), "erase refused: under a legal hold");
                continue;
            }
            String product = task.product();
            EraseAndVerify erasure = routine(product, context.get());
            long failedCallItems = 0;
            try {
                return erasure.run().get();
            } catch (LeaseSpent spent) {
                journal.note("PRODUCT_" + RECLAIM.status(), product, RECLAIM.detail()); // as an inline run records it
            } catch (ActivityFailure failure) {
                failedCallItems = erasure.failedCallItems(failure);
                throw failure;
            } finally {
                journal.noteAll(recordRun(product, erasure.calls(), failedCallItems));
                holds.release(product);
            }
        }
    }

    /** One run of the product's erase and verify, each call within the product's claim lease. */
    private EraseAndVerify routine(String product, StepContext stepContext) {
        return new EraseAndVerify(
                () -> withinLease(product),
                ProductCalls.task(ProductStep.ERASE, stepContext, product),
                products.catalog().find(product).map(EraseAndVerify::verifiable).orElse(false));
    }

    /** Adds one run to the product's tally; returns the residue notes to journal. */
    private List<RequestJournal.Note> recordRun(String product, List<ProductStepResult> calls, long failedCallItems) {
        tallies.put(product, tally(product).plus(calls, failedCallItems));
        return EraseAndVerify.residues(calls).stream()
                .map(residue -> new RequestJournal.Note("VERIFICATION_RESIDUE", product, residue))
                .toList();
    }

    /** Too little of the product's claim lease is left for another call: claim again. */
    private static final class LeaseSpent extends RuntimeException {
        LeaseSpent() {
            super(null, null, false, false);
        }
    }

    /**
     * The stub for the product's next erase or verify call: its schedule-to-close timeout keeps
     * the whole call inside the claim's lease ({@link ClaimLease#callTimeout}), so no erase can run
     * once a hold placed after the lease could have taken effect.
     */
    private ProductActivities withinLease(String product) {
        Instant askedAt = holds.askedAt(product);
        Optional<Duration> timeout = askedAt == null
                ? Optional.of(ClaimLease.CALL_LIMIT)
                : ClaimLease.callTimeout(askedAt, WorkflowClock.now());
        return products.within(product, timeout.orElseThrow(LeaseSpent::new));
    }
}
