package dev.dsrflow.workflow.lifecycle;

import dev.dsrflow.model.ProductTaskStatus;
import dev.dsrflow.product.activity.ProductActivities;
import dev.dsrflow.product.activity.ProductStepResult;
import dev.dsrflow.product.activity.ProductTask;
import dev.dsrflow.product.activity.WorkDone;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A deletion's erase step for one product of a batch, as a chain of promises (no workflow
 * thread per product): erase, verify when the product can, erase again while a residue remains
 * (at most {@link #MAX_RE_ERASES} times), then the outcome the request's own erasure would
 * give. The hold claim is the request's business: it claims every product of the batch before
 * the batch starts and reports the claims finished when the batch returns.
 */
final class BatchErasure {
    /** Re-erases after a residue, as the request's own erasure allows. */
    static final int MAX_RE_ERASES = 2;

    private final ProductActivities product;
    private final ProductTask task;
    private final boolean verifiable;
    private long itemsErased;
    private long residual;
    private boolean verified;
    private int eraseRuns;
    private Instant startedAt;
    private Instant finishedAt;
    private String handlerVersion;
    private ProductStepResult lastErase;
    private boolean erasing;
    private final List<Long> residues = new ArrayList<>();

    BatchErasure(ProductActivities product, ProductTask task, boolean verifiable) {
        this.product = product;
        this.task = task;
        this.verifiable = verifiable;
    }

    /** The tally so far (also after a failure). */
    ErasureTally tally() {
        return new ErasureTally(
                itemsErased,
                residual,
                verified,
                eraseRuns,
                startedAt,
                finishedAt,
                handlerVersion,
                List.copyOf(residues));
    }

    /**
     * The tally after the chain failed: when the failed call was an erase, what it had erased
     * before failing ({@link WorkDone}, read from the failure: no command) is counted too.
     */
    ErasureTally tallyAfter(ActivityFailure failure) {
        if (erasing) {
            erasing = false;
            WorkDone.reportedBy(failure).ifPresent(items -> itemsErased += items);
        }
        return tally();
    }

    /** Runs erase (and verify) until done; the promise fails when an activity exhausted its retries. */
    Promise<StepOutcome> run() {
        erasing = true;
        return Async.function(product::erase, task).thenCompose(this::erased);
    }

    private Promise<StepOutcome> erased(ProductStepResult erased) {
        erasing = false;
        lastErase = erased;
        eraseRuns++;
        itemsErased += erased.items();
        handlerVersion = erased.handlerVersion();
        if (startedAt == null) {
            startedAt = erased.startedAt();
        }
        finishedAt = erased.finishedAt();
        if (!verifiable) {
            return Workflow.newPromise(outcome());
        }
        return Async.function(product::verifyErased, task).thenCompose(this::checked);
    }

    private Promise<StepOutcome> checked(ProductStepResult check) {
        residual = check.items();
        verified = check.items() == 0;
        finishedAt = check.finishedAt();
        if (check.items() > 0) {
            residues.add(check.items());
            if (eraseRuns <= MAX_RE_ERASES) {
                erasing = true;
                return Async.function(product::erase, task).thenCompose(this::erased);
            }
        }
        return Workflow.newPromise(outcome());
    }

    private StepOutcome outcome() {
        if (verifiable && residual > 0) {
            return StepOutcome.failed(
                    "residue of " + residual + " items after " + eraseRuns + " erase runs", lastErase);
        }
        String checkedNote = verifiable ? "verified: 0 left" : "not verifiable by the product";
        return itemsErased > 0
                ? StepOutcome.done("erased " + itemsErased + " items; " + checkedNote, lastErase)
                : new StepOutcome(ProductTaskStatus.NO_DATA, "nothing to erase; " + checkedNote, lastErase);
    }
}
