package dev.dsrflow.workflow.lifecycle;

import dev.dsrflow.model.ProductTaskStatus;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.Collection;
import java.util.List;

/**
 * Runs one piece of work per product, all in parallel, and returns when every product is
 * settled (DONE, NO_DATA or SKIPPED). A product whose activity exhausts its retries does not
 * fail the request: its task becomes FAILED and waits until an operator retries it (it runs
 * again), completes it by hand or skips it. A MANUAL product waits for an operator from the
 * start. Every transition is written to the ledger.
 */
public final class ProductFanOut {

  /** The work for one product: activity calls, returning how the run ended. */
  @FunctionalInterface
  public interface ProductWork {
    StepOutcome run(ProductTaskState task);
  }

  private final RequestJournal journal;

  public ProductFanOut(RequestJournal journal) {
    this.journal = journal;
  }

  /** Drives every task to a settled status; throws only when the enclosing scope is cancelled. */
  public void run(Collection<ProductTaskState> tasks, ProductWork work) {
    List<Promise<Void>> all = tasks.stream().map(t -> Async.procedure(() -> drive(t, work))).toList();
    Promise.allOf(all).get();
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
      task.moveTo(ProductTaskStatus.RUNNING, "attempt " + task.attempts(), RequestJournal.now());
      journal.record(RequestJournal.SYSTEM, "PRODUCT_RUNNING", task.product(), "attempt " + task.attempts());
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
    task.moveTo(outcome.status(), outcome.detail(), RequestJournal.now());
    journal.record(RequestJournal.SYSTEM, "PRODUCT_" + outcome.status(), task.product(), outcome.detail());
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
    return "failed after retries: " + (cause == null ? failure.getMessage() : cause.getClass().getSimpleName());
  }
}
