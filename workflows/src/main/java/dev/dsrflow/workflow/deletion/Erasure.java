package dev.dsrflow.workflow.deletion;

import dev.dsrflow.model.ProductTaskStatus;
import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.product.Capability;
import dev.dsrflow.product.activity.ProductActivities;
import dev.dsrflow.product.activity.ProductStepResult;
import dev.dsrflow.product.activity.ProductTask;
import dev.dsrflow.product.activity.WorkDone;
import dev.dsrflow.workflow.holds.EraseClaimResult;
import dev.dsrflow.workflow.lifecycle.ProductStubs;
import dev.dsrflow.workflow.lifecycle.ProductTaskState;
import dev.dsrflow.workflow.lifecycle.ProductTasks;
import dev.dsrflow.workflow.lifecycle.RequestJournal;
import dev.dsrflow.workflow.lifecycle.RequestSetup;
import dev.dsrflow.workflow.lifecycle.StepOutcome;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One product's erasure: wait while held, claim the erase from the hold registry (refused:
 * DEFERRED again), erase, verify, re-erase a residue at most {@link #MAX_RE_ERASES} times, and
 * report the claim finished (also when the erase failed, so a FAILED product holds no claim).
 * An erase call that fails after erasing part of the data reports how much in its failure
 * ({@link WorkDone}); that count goes into the product's record, so the certificate counts
 * what every call really erased (a later operator retry is a new call that counts from zero,
 * so nothing is counted twice).
 * A residue that survives becomes FAILED for an operator. When erasure began with a batched
 * claim ({@link HoldClaims#claimAll}), a product's first run uses the claim granted then and
 * asks the registry nothing before erasing.
 */
final class Erasure {
  static final int MAX_RE_ERASES = 2;

  private final RequestSpec spec;
  private final ProductStubs products;
  private final HoldClaims holds;
  private final RequestJournal journal;
  private final Runnable statusRefresh;
  private final Set<String> lifted = new HashSet<>();
  private final Map<String, ErasureRecord> records = new LinkedHashMap<>();

  Erasure(RequestSpec spec, ProductStubs products, HoldClaims holds, RequestJournal journal, Runnable statusRefresh) {
    this.spec = spec;
    this.products = products;
    this.holds = holds;
    this.journal = journal;
    this.statusRefresh = statusRefresh;
  }

  /** The registry says these products are free. */
  void lifted(Iterable<String> free) {
    free.forEach(lifted::add);
  }

  ErasureRecord record(String product) {
    return records.computeIfAbsent(product, p -> new ErasureRecord());
  }

  /** The fan-out work for one product. */
  StepOutcome run(ProductTaskState task) {
    while (true) {
      if (task.status() == ProductTaskStatus.DEFERRED) {
        Workflow.await(() -> lifted.contains(task.product()) || task.status().isSettled());
        if (task.status().isSettled()) {
          return StepOutcome.done(task.detail(), null); // skipped by an operator while held
        }
        lifted.remove(task.product());
        task.countAttempt();
        task.moveTo(ProductTaskStatus.RUNNING, "hold lifted", RequestJournal.now());
        statusRefresh.run();
        journal.record(RequestJournal.SYSTEM, "PRODUCT_RESUMED", task.product(), "hold lifted; erasing");
      }
      EraseClaimResult answer = holds.claim(task.product());
      if (!answer.granted()) {
        task.moveTo(ProductTaskStatus.DEFERRED, "held by " + String.join(", ", answer.heldBy()), RequestJournal.now());
        statusRefresh.run();
        journal.record(RequestJournal.SYSTEM, "PRODUCT_DEFERRED", task.product(), "erase refused: under a legal hold");
        continue;
      }
      try {
        return eraseAndVerify(task);
      } finally {
        holds.finish(task.product());
      }
    }
  }

  private StepOutcome eraseAndVerify(ProductTaskState task) {
    ProductActivities product = products.of(task.product());
    ProductTask input = ProductTasks.plain(spec, task.product());
    boolean verifiable = RequestSetup.automated(products.catalog().get(task.product()), Capability.VERIFY);
    ErasureRecord rec = record(task.product());
    ProductStepResult erased;
    ProductStepResult verified = null;
    do {
      try {
        erased = product.erase(input);
      } catch (ActivityFailure failure) {
        WorkDone.reportedBy(failure).ifPresent(rec::failedRunErased); // reads the failure only: no command
        throw failure;
      }
      rec.eraseRuns++;
      rec.itemsErased += erased.items();
      rec.handlerVersion = erased.handlerVersion();
      if (rec.startedAt == null) {
        rec.startedAt = erased.startedAt();
      }
      rec.finishedAt = erased.finishedAt();
      if (!verifiable) {
        break;
      }
      verified = product.verifyErased(input);
      rec.residual = verified.items();
      rec.verified = verified.items() == 0;
      rec.finishedAt = verified.finishedAt();
      if (verified.items() > 0) {
        journal.record(RequestJournal.SYSTEM, "VERIFICATION_RESIDUE", task.product(),
            verified.items() + " items left after erase run " + rec.eraseRuns);
      }
    } while (verified.items() > 0 && rec.eraseRuns <= MAX_RE_ERASES);
    if (verified != null && verified.items() > 0) {
      return StepOutcome.failed("residue of " + verified.items() + " items after " + rec.eraseRuns + " erase runs", erased);
    }
    String checked = verifiable ? "verified: 0 left" : "not verifiable by the product";
    return rec.itemsErased > 0 ? StepOutcome.done("erased " + rec.itemsErased + " items; " + checked, erased)
        : new StepOutcome(ProductTaskStatus.NO_DATA, "nothing to erase; " + checked, erased);
  }
}
