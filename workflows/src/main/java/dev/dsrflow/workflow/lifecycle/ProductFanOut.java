package dev.dsrflow.workflow.lifecycle;

import dev.dsrflow.model.ProductTaskStatus;
import dev.dsrflow.product.activity.ProductStep;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs one piece of work per product, all in parallel, and returns when every product is
 * settled (DONE, NO_DATA or SKIPPED). A product whose activity exhausts its retries does not
 * fail the request: its task becomes FAILED and waits until an operator retries it (it runs
 * again), completes it by hand or skips it. A MANUAL product waits for an operator from the
 * start. Every transition is written to the ledger.
 *
 * <p>The PENDING products run as {@link ProductBatches} starts them: in batch child workflows
 * when they outnumber the request's batch size, else inline, each product's call (or chain of
 * calls, {@link BatchStep}) scheduled from here as promises. Either way the request marks them
 * RUNNING and applies their outcomes as they finish (one ledger write per workflow task,
 * whatever the number of products), in one loop on the step's one workflow thread. The
 * per-product state machine stays here: products that come back FAILED wait for an operator,
 * and an operator's retry, or a DEFERRED product, runs the product directly from the request
 * ({@code direct}), on a workflow thread of its own (bounded by operator actions and holds).
 */
public final class ProductFanOut {

    /** The work for one product: activity calls, returning how the run ended. */
    @FunctionalInterface
    public interface ProductWork {
        StepOutcome run(ProductTaskState task);
    }

    /**
     * What a step does around its batches besides the per-product state machine (a deletion's
     * erase: its chain of calls, consuming the hold claims before, recording the tally and
     * releasing the claims after).
     */
    public interface BatchHooks {
        /** No extra work. */
        BatchHooks NONE = new BatchHooks() {};

        /**
         * How the request runs the step for one product inline (products that fit in one batch):
         * as a batch child runs it, one call unless the step is more.
         */
        default BatchStep inline(ProductStep step) {
            return BatchStep.oneCall(step);
        }

        /** Before the batches start, with the products about to run in them. */
        default void beforeBatches(List<String> products) {}

        /**
         * Outcomes of finished products (of one or more batches), before they are applied; returns
         * extra ledger events to write with them.
         */
        default List<RequestJournal.Note> afterBatch(List<BatchOutcome> outcomes) {
            return List.of();
        }
    }

    private final RequestJournal journal;
    private final ProductBatches batches;
    private final ProductStubs stubs;

    public ProductFanOut(RequestJournal journal, ProductBatches batches, ProductStubs stubs) {
        this.journal = journal;
        this.batches = batches;
        this.stubs = stubs;
    }

    /** Drives every task through {@code step}, a step of one call per product. */
    public void run(Collection<ProductTaskState> tasks, ProductStep step, StepContext context) {
        run(tasks, step, context, task -> ProductCalls.run(step, stubs, context, task.product()), BatchHooks.NONE);
    }

    /**
     * As {@link #run(Collection, ProductStep, StepContext)}, with the request's own work for a
     * product run from here ({@code direct}: operator retries, DEFERRED products once their hold
     * lifts) and hooks around the batches.
     */
    public void run(
            Collection<ProductTaskState> tasks,
            ProductStep step,
            StepContext context,
            ProductWork direct,
            BatchHooks hooks) {
        List<ProductTaskState> pending = tasks.stream()
                .filter(t -> t.status() == ProductTaskStatus.PENDING)
                .toList();
        List<ProductBatches.Started> open = new ArrayList<>();
        if (!pending.isEmpty()) {
            List<String> products =
                    pending.stream().map(ProductTaskState::product).toList();
            hooks.beforeBatches(products);
            open.addAll(batches.start(step, context, products, hooks.inline(step)));
            String where = batches.runsInBatches(products.size()) ? " in a batch" : "";
            List<RequestJournal.Note> running = new ArrayList<>();
            for (ProductTaskState task : pending) {
                task.countAttempt();
                task.moveTo(ProductTaskStatus.RUNNING, "attempt " + task.attempts() + where, WorkflowClock.now());
                running.add(new RequestJournal.Note("PRODUCT_RUNNING", task.product(), "attempt " + task.attempts()));
            }
            journal.noteAll(running);
        }
        Map<String, ProductTaskState> byProduct = new HashMap<>();
        tasks.forEach(t -> byProduct.put(t.product(), t));
        Set<String> driven = new HashSet<>();
        List<Promise<Void>> drivers = new ArrayList<>();
        while (true) {
            Workflow.await(() -> open.stream().anyMatch(b -> b.result().isCompleted())
                    || tasks.stream().anyMatch(t -> needsDriver(t, driven))
                    || open.isEmpty() && tasks.stream().allMatch(t -> t.status().isSettled()));
            List<BatchOutcome> finished = new ArrayList<>();
            for (ProductBatches.Started started : List.copyOf(open)) {
                if (started.result().isCompleted()) {
                    open.remove(started);
                    finished.addAll(ProductBatches.outcomes(started));
                }
            }
            if (!finished.isEmpty()) {
                List<RequestJournal.Note> settled = new ArrayList<>(hooks.afterBatch(finished));
                for (BatchOutcome outcome : finished) {
                    apply(byProduct.get(outcome.product()), outcome, settled);
                }
                journal.noteAll(settled);
            }
            // products retried by an operator, or DEFERRED, run from here (one driver each for the rest of the step)
            for (ProductTaskState task :
                    tasks.stream().filter(t -> needsDriver(t, driven)).toList()) {
                driven.add(task.product());
                drivers.add(Async.procedure(() -> drive(task, direct)));
            }
            if (open.isEmpty() && tasks.stream().allMatch(t -> t.status().isSettled())) {
                break;
            }
        }
        Promise.allOf(drivers).get();
    }

    private void apply(ProductTaskState task, BatchOutcome outcome, List<RequestJournal.Note> notes) {
        if (outcome.result() != null) {
            task.recordResult(outcome.result());
        }
        if (task.status().isSettled()) {
            return;
        }
        task.moveTo(outcome.status(), outcome.detail(), WorkflowClock.now());
        notes.add(new RequestJournal.Note("PRODUCT_" + outcome.status(), task.product(), outcome.detail()));
    }

    private static boolean needsDriver(ProductTaskState task, Set<String> driven) {
        return (task.status() == ProductTaskStatus.PENDING || task.status() == ProductTaskStatus.DEFERRED)
                && !driven.contains(task.product());
    }

    private void drive(ProductTaskState task, ProductWork work) {
        while (!task.status().isSettled()) {
            switch (task.status()) {
                case MANUAL -> Workflow.await(() -> task.status() != ProductTaskStatus.MANUAL);
                case FAILED -> Workflow.await(() -> task.status() != ProductTaskStatus.FAILED);
                default -> runOnce(task, work);
            }
        }
    }

    private void runOnce(ProductTaskState task, ProductWork work) {
        if (task.status() != ProductTaskStatus.DEFERRED) { // a deferred task's work waits for its hold first
            task.countAttempt();
            task.moveTo(ProductTaskStatus.RUNNING, "attempt " + task.attempts(), WorkflowClock.now());
            journal.note("PRODUCT_RUNNING", task.product(), "attempt " + task.attempts());
        }
        StepOutcome outcome;
        try {
            outcome = work.run(task);
        } catch (ActivityFailure failure) {
            if (CancellationScope.current().isCancelRequested()) {
                throw failure;
            }
            outcome = StepOutcome.failed(describe(failure), null);
        }
        if (outcome.result() != null) {
            task.recordResult(outcome.result());
        }
        if (task.status().isSettled()) {
            return; // an operator settled it while the work ran (e.g. skipped a deferred product)
        }
        task.moveTo(outcome.status(), outcome.detail(), WorkflowClock.now());
        journal.note("PRODUCT_" + outcome.status(), task.product(), outcome.detail());
    }

    /** A short, identifier-free account of why a product activity failed. */
    static String describe(ActivityFailure failure) {
        Throwable cause = failure.getCause();
        if (cause instanceof ApplicationFailure app) {
            return "failed after retries: " + app.getType() + ": " + app.getOriginalMessage();
        }
        if (cause instanceof TimeoutFailure timeout) {
            return "failed after retries: timed out (" + timeout.getTimeoutType() + ")";
        }
        return "failed after retries: "
                + (cause == null ? failure.getMessage() : cause.getClass().getSimpleName());
    }
}
