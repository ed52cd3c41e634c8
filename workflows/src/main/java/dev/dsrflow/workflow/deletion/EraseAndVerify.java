package dev.dsrflow.workflow.deletion;

import dev.dsrflow.model.ProductTaskStatus;
import dev.dsrflow.product.Capability;
import dev.dsrflow.product.ProductSettings;
import dev.dsrflow.product.activity.ProductActivities;
import dev.dsrflow.product.activity.ProductStep;
import dev.dsrflow.product.activity.ProductStepResult;
import dev.dsrflow.product.activity.ProductTask;
import dev.dsrflow.product.activity.WorkDone;
import dev.dsrflow.workflow.holds.ClaimLease;
import dev.dsrflow.workflow.lifecycle.BatchOutcome;
import dev.dsrflow.workflow.lifecycle.BatchStep;
import dev.dsrflow.workflow.lifecycle.ProductCalls;
import dev.dsrflow.workflow.lifecycle.RequestSetup;
import dev.dsrflow.workflow.lifecycle.StepOutcome;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One run of a product's erasure, the one routine for it wherever it runs (the request's
 * workflow, a batch child): erase, verify when the product can, erase again while a residue
 * remains (at most {@link #MAX_RE_ERASES} times), then DONE, NO_DATA, or FAILED for an operator
 * when a residue survives. A chain of promises, so a batch runs it without a workflow thread per
 * product. It keeps every call's result ({@link #calls}) for the deletion's {@link ErasureTally},
 * and what an erase call that failed had erased ({@link #failedCallItems}), read from its
 * failure ({@link WorkDone}: no command). The hold claim around it is the caller's business.
 */
public final class EraseAndVerify {
    /** Re-erases after a residue, within one run. */
    public static final int MAX_RE_ERASES = 2;

    private final Supplier<ProductActivities> nextCall;
    private final ProductTask task;
    private final boolean verifiable;
    private final List<ProductStepResult> calls = new ArrayList<>();
    private ProductStepResult lastErase;
    private int eraseRuns;
    private boolean erasing;

    /**
     * @param nextCall the stub for each next call (it may refuse by throwing: the caller's claim
     *     lease is nearly spent)
     * @param task the erase and verify input
     * @param verifiable whether the product automates verification
     */
    EraseAndVerify(Supplier<ProductActivities> nextCall, ProductTask task, boolean verifiable) {
        this.nextCall = nextCall;
        this.task = task;
        this.verifiable = verifiable;
    }

    /** Whether the product's handler automates verification. */
    static boolean verifiable(ProductSettings settings) {
        return RequestSetup.automated(settings, Capability.VERIFY);
    }

    /**
     * As a batch child runs it: each call bounded by {@link ClaimLease#CALL_LIMIT} (the request
     * claimed the batch's products just before), the outcome carrying every call's result.
     */
    public static BatchStep inBatch() {
        return (stubs, context, product) -> {
            boolean verifiable = stubs.catalog()
                    .find(product)
                    .map(EraseAndVerify::verifiable)
                    .orElse(false);
            ProductActivities stub = stubs.within(product, ClaimLease.CALL_LIMIT);
            EraseAndVerify run =
                    new EraseAndVerify(() -> stub, ProductCalls.task(ProductStep.ERASE, context, product), verifiable);
            return run.run()
                    .handle((outcome, failure) -> failure == null
                            ? BatchOutcome.of(product, outcome, run.calls(), 0)
                            : BatchOutcome.ofFailure(product, failure, run.calls(), run.failedCallItems(failure)));
        };
    }

    /** Runs the chain; the promise fails when a call exhausted its retries (or {@link #nextCall} refused). */
    Promise<StepOutcome> run() {
        return erase();
    }

    /** Every completed call's result, in order. */
    List<ProductStepResult> calls() {
        return List.copyOf(calls);
    }

    /** What the erase call that made the chain fail had erased before failing (0 if unknown or not an erase). */
    long failedCallItems(Throwable failure) {
        return erasing && failure instanceof ActivityFailure activity
                ? WorkDone.reportedBy(activity).orElse(0)
                : 0;
    }

    private Promise<StepOutcome> erase() {
        ProductActivities stub = nextCall.get();
        erasing = true;
        return Async.function(stub::erase, task).thenCompose(this::erased);
    }

    private Promise<StepOutcome> erased(ProductStepResult erased) {
        erasing = false;
        calls.add(erased);
        lastErase = erased;
        eraseRuns++;
        if (!verifiable) {
            return Workflow.newPromise(outcome(0));
        }
        ProductActivities stub = nextCall.get();
        return Async.function(stub::verifyErased, task).thenCompose(this::checked);
    }

    private Promise<StepOutcome> checked(ProductStepResult check) {
        calls.add(check);
        if (check.items() > 0 && eraseRuns <= MAX_RE_ERASES) {
            return erase();
        }
        return Workflow.newPromise(outcome(check.items()));
    }

    private StepOutcome outcome(long residual) {
        if (residual > 0) {
            return StepOutcome.failed(
                    "residue of " + residual + " items after " + eraseRuns + " erase runs", lastErase);
        }
        long erased = calls.stream()
                .filter(c -> c.step() != ProductStep.VERIFY)
                .mapToLong(ProductStepResult::items)
                .sum();
        String checked = verifiable ? "verified: 0 left" : "not verifiable by the product";
        return erased > 0
                ? StepOutcome.done("erased " + erased + " items; " + checked, lastErase)
                : new StepOutcome(ProductTaskStatus.NO_DATA, "nothing to erase; " + checked, lastErase);
    }

    /** The residues found within one run's calls, as journal notes "n items left after erase run k". */
    static List<String> residues(List<ProductStepResult> calls) {
        List<String> out = new ArrayList<>();
        int erases = 0;
        for (ProductStepResult call : calls) {
            if (call.step() != ProductStep.VERIFY) {
                erases++;
            } else if (call.items() > 0) {
                out.add(call.items() + " items left after erase run " + erases);
            }
        }
        return out;
    }
}
