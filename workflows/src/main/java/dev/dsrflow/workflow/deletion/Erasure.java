package dev.dsrflow.workflow.deletion;

import dev.dsrflow.model.ProductTaskStatus;
import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.product.Capability;
import dev.dsrflow.product.activity.ProductActivities;
import dev.dsrflow.product.activity.ProductStepResult;
import dev.dsrflow.product.activity.ProductTask;
import dev.dsrflow.product.activity.WorkDone;
import dev.dsrflow.workflow.ChangeIds;
import dev.dsrflow.workflow.holds.ClaimLease;
import dev.dsrflow.workflow.holds.EraseClaimResult;
import dev.dsrflow.workflow.lifecycle.BatchOutcome;
import dev.dsrflow.workflow.lifecycle.ErasureTally;
import dev.dsrflow.workflow.lifecycle.ProductFanOut;
import dev.dsrflow.workflow.lifecycle.ProductStubs;
import dev.dsrflow.workflow.lifecycle.ProductTaskState;
import dev.dsrflow.workflow.lifecycle.ProductTasks;
import dev.dsrflow.workflow.lifecycle.RequestJournal;
import dev.dsrflow.workflow.lifecycle.RequestSetup;
import dev.dsrflow.workflow.lifecycle.StepOutcome;
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
 * asks the registry nothing before erasing. Every erase and verify call ends within the
 * product's claim lease ({@link ClaimLease}): a call that cannot finish in time fails, and the
 * product becomes FAILED with its claim released.
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

    /**
     * Around erase batches (products granted when erasure began, erased by batch children): takes
     * those grants before the batches start (no registry call), and when a batch returns records
     * each product's tally for the certificate, journals each verification residue, and releases
     * the batch's claims in one finish.
     */
    ProductFanOut.BatchHooks batchHooks() {
        return new ProductFanOut.BatchHooks() {
            @Override
            public void beforeBatches(List<String> batched) {
                batched.forEach(holds::claim); // each one granted up front: consumes the grant, asks nothing
            }

            @Override
            public List<RequestJournal.Note> afterBatch(List<BatchOutcome> outcomes) {
                List<RequestJournal.Note> notes = new ArrayList<>();
                for (BatchOutcome outcome : outcomes) {
                    ErasureTally tally = outcome.erasure();
                    if (tally == null) {
                        continue;
                    }
                    ErasureRecord rec = record(outcome.product());
                    rec.eraseRuns += tally.eraseRuns();
                    rec.itemsErased += tally.itemsErased();
                    rec.residual = tally.residual();
                    rec.verified = tally.verified();
                    rec.handlerVersion = tally.handlerVersion();
                    if (rec.startedAt == null) {
                        rec.startedAt = tally.startedAt();
                    }
                    rec.finishedAt = tally.finishedAt();
                    for (int run = 0; run < tally.residues().size(); run++) {
                        notes.add(new RequestJournal.Note(
                                "VERIFICATION_RESIDUE",
                                outcome.product(),
                                tally.residues().get(run) + " items left after erase run " + (run + 1)));
                    }
                }
                holds.finishAll(outcomes.stream().map(BatchOutcome::product).toList());
                return notes;
            }
        };
    }

    /** The fan-out work for one product. */
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
                task.moveTo(ProductTaskStatus.RUNNING, "hold lifted", RequestJournal.now());
                statusRefresh.run();
                journal.record(RequestJournal.SYSTEM, "PRODUCT_RESUMED", task.product(), "hold lifted; erasing");
            }
            EraseClaimResult answer = holds.claim(task.product());
            if (!answer.granted()) {
                task.moveTo(
                        ProductTaskStatus.DEFERRED,
                        "held by " + String.join(", ", answer.heldBy()),
                        RequestJournal.now());
                statusRefresh.run();
                journal.record(
                        RequestJournal.SYSTEM, "PRODUCT_DEFERRED", task.product(), "erase refused: under a legal hold");
                continue;
            }
            try {
                return eraseAndVerify(task);
            } catch (LeaseSpent spent) {
                journal.record(
                        RequestJournal.SYSTEM,
                        "PRODUCT_RECLAIMED",
                        task.product(),
                        "claim lease nearly over; claiming again");
                // the finally block releases the claim first
            } finally {
                holds.finish(task.product());
            }
        }
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
     * once a hold placed after the lease could have taken effect. Options only; the re-claim when
     * the lease is nearly spent is a new command sequence, guarded by
     * {@link ChangeIds#DELETION_CLAIM_LEASE}.
     */
    private ProductActivities withinLease(String product) {
        Instant askedAt = holds.askedAt(product);
        Optional<Duration> timeout = askedAt == null
                ? Optional.of(ClaimLease.CALL_LIMIT)
                : ClaimLease.callTimeout(askedAt, RequestJournal.now());
        if (timeout.isPresent()) {
            return products.within(product, timeout.get());
        }
        if (Workflow.getVersion(ChangeIds.DELETION_CLAIM_LEASE, Workflow.DEFAULT_VERSION, 1)
                == Workflow.DEFAULT_VERSION) {
            return products.within(product, ClaimLease.CALL_LIMIT); // a deletion from before the change calls as it did
        }
        throw new LeaseSpent();
    }

    private StepOutcome eraseAndVerify(ProductTaskState task) {
        ProductTask input = ProductTasks.plain(spec, task.product());
        boolean verifiable = RequestSetup.automated(products.catalog().get(task.product()), Capability.VERIFY);
        ErasureRecord rec = record(task.product());
        ProductStepResult erased;
        ProductStepResult verified = null;
        do {
            try {
                erased = withinLease(task.product()).erase(input);
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
            verified = withinLease(task.product()).verifyErased(input);
            rec.residual = verified.items();
            rec.verified = verified.items() == 0;
            rec.finishedAt = verified.finishedAt();
            if (verified.items() > 0) {
                journal.record(
                        RequestJournal.SYSTEM,
                        "VERIFICATION_RESIDUE",
                        task.product(),
                        verified.items() + " items left after erase run " + rec.eraseRuns);
            }
        } while (verified.items() > 0 && rec.eraseRuns <= MAX_RE_ERASES);
        if (verified != null && verified.items() > 0) {
            return StepOutcome.failed(
                    "residue of " + verified.items() + " items after " + rec.eraseRuns + " erase runs", erased);
        }
        String checked = verifiable ? "verified: 0 left" : "not verifiable by the product";
        return rec.itemsErased > 0
                ? StepOutcome.done("erased " + rec.itemsErased + " items; " + checked, erased)
                : new StepOutcome(ProductTaskStatus.NO_DATA, "nothing to erase; " + checked, erased);
    }
}
