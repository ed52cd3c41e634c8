package dev.dsrflow.workflow.deletion;

import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.workflow.ChangeIds;
import dev.dsrflow.workflow.holds.ClaimedProducts;
import dev.dsrflow.workflow.holds.DeletionClaims;
import dev.dsrflow.workflow.holds.DeletionRegistration;
import dev.dsrflow.workflow.holds.EraseClaim;
import dev.dsrflow.workflow.holds.EraseClaimResult;
import dev.dsrflow.workflow.holds.FinishedErases;
import dev.dsrflow.workflow.holds.HoldRegistryActivities;
import dev.dsrflow.workflow.lifecycle.OrchestratorActivities;
import dev.dsrflow.workflow.lifecycle.RequestJournal;
import io.temporal.workflow.Async;
import io.temporal.workflow.CompletablePromise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A deletion's erase claims on its subject's hold registry.
 *
 * <p>From version 1 of {@link ChangeIds#DELETION_CLAIMS} on (decided once, when erasure
 * begins): one batched claim for every product about to be erased ({@link #claimAll}: the held
 * ones are reported and waited on, the others are granted at once), and every call that the
 * registry answers promptly (that batched claim, a product's claim after its hold lifted or an
 * operator's retry, the finishes) runs as a local activity: one marker event instead of an
 * activity's three events and a workflow task. Finishes stay per product (a product's claim is
 * released as soon as its own erase ends, so a hold placed meanwhile never waits for other
 * products), but those reported in the same workflow task go out as one Update, so a burst of
 * products finishing together costs one marker and one of the registry's in-flight updates.
 * Each call carries an update id made of the workflow id, the run id and a per-run sequence
 * number, so it is the same on every local retry and on a replay that runs the call again: the
 * registry applies it once (within one of its runs; its operations are idempotent besides, so a
 * repeat that reaches it after a continue-as-new changes nothing).
 *
 * <p>Before version 1 (deletions already in flight keep it): one registration, then one claim
 * and one finish per product, each a regular activity.
 */
final class HoldClaims {
    private static final EraseClaimResult GRANTED_UP_FRONT = new EraseClaimResult(true, List.of());

    private final RequestSpec spec;
    private final HoldRegistryActivities remote =
            OrchestratorActivities.stub(HoldRegistryActivities.class, Duration.ofMinutes(10));
    private final HoldRegistryActivities local = OrchestratorActivities.localStub(HoldRegistryActivities.class);
    private final Set<String> grantedUpFront = new HashSet<>();
    private final Map<String, Instant> askedAt = new HashMap<>();
    private final List<String> finishing = new ArrayList<>();
    private CompletablePromise<Void> finishSent;
    private boolean batched;
    private boolean sending;
    private int calls;

    HoldClaims(RequestSpec spec) {
        this.spec = spec;
    }

    /**
     * When erasure begins: which of the products are held (the deletion now waits on them); with
     * version 1 the others' claims are granted in the same step, to be used by {@link #claim}.
     */
    List<String> claimAll(List<String> products) {
        batched = Workflow.getVersion(ChangeIds.DELETION_CLAIMS, Workflow.DEFAULT_VERSION, 1) >= 1;
        Instant asked = RequestJournal.now();
        if (!batched) {
            return remote.registerDeletion(spec.subjectKey(), new DeletionRegistration(spec.id(), products))
                    .held();
        }
        ClaimedProducts answer =
                local.claimDeletion(spec.subjectKey(), new DeletionClaims(spec.id(), products), nextUpdateId());
        grantedUpFront.addAll(answer.granted());
        answer.granted().forEach(p -> askedAt.put(p, asked));
        return answer.held();
    }

    /** Asks to start erasing one product: a claim granted up front is used (once) without asking again. */
    EraseClaimResult claim(String product) {
        if (grantedUpFront.remove(product)) {
            return GRANTED_UP_FRONT;
        }
        askedAt.put(product, RequestJournal.now());
        EraseClaim claim = new EraseClaim(spec.id(), product);
        return batched
                ? local.claimEraseOnce(spec.subjectKey(), claim, nextUpdateId())
                : remote.claimErase(spec.subjectKey(), claim);
    }

    /**
     * When the product's current claim was asked for (its lease, {@link dev.dsrflow.workflow.holds.ClaimLease#LEASE}, runs
     * from the registry's answer, which is never earlier).
     */
    Instant askedAt(String product) {
        return askedAt.get(product);
    }

    /**
     * Reports a claimed erase finished (erased, failed or completed by hand), releasing the claim;
     * returns once the registry has it.
     */
    void finish(String product) {
        if (!batched) {
            remote.finishErase(spec.subjectKey(), new EraseClaim(spec.id(), product));
            return;
        }
        finishAll(List.of(product));
    }

    /** Whether every one of these products was granted when erasure began (and not claimed since). */
    boolean grantedUpFront(List<String> products) {
        return batched && grantedUpFront.containsAll(products);
    }

    /**
     * Reports several claimed erases finished at once (a batch of products erased by a batch
     * child), in the same Update as any other finish of this workflow task; returns once the
     * registry has them. Only with version 1 (batched claims).
     */
    void finishAll(List<String> products) {
        if (products.isEmpty()) {
            return;
        }
        if (!sending) {
            sending = true;
            // outside every cancellation scope: a claim is released even from a cancelled branch
            Workflow.newDetachedCancellationScope(() -> Async.procedure(this::sendFinishes))
                    .run();
        }
        if (finishSent == null) {
            finishSent = Workflow.newPromise();
        }
        CompletablePromise<Void> sent = finishSent;
        finishing.addAll(products);
        sent.get();
    }

    /** Sends the finishes reported since the last send, one local activity per batch. */
    private void sendFinishes() {
        while (true) {
            Workflow.await(() -> !finishing.isEmpty());
            List<String> products = List.copyOf(finishing);
            CompletablePromise<Void> sent = finishSent;
            finishing.clear();
            finishSent = null;
            try {
                local.finishErases(spec.subjectKey(), new FinishedErases(spec.id(), products), nextUpdateId());
                sent.complete(null);
            } catch (RuntimeException e) {
                sent.completeExceptionally(e);
            }
        }
    }

    /** {@code <workflowId>/<runId>/holds-<n>}: deterministic, unique per call within the run. */
    private String nextUpdateId() {
        calls++;
        return Workflow.getInfo().getWorkflowId() + "/" + Workflow.getInfo().getRunId() + "/holds-" + calls;
    }
}
