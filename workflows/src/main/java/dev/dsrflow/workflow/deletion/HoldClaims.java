package dev.dsrflow.workflow.deletion;

import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.workflow.holds.ClaimLease;
import dev.dsrflow.workflow.holds.ClaimedProducts;
import dev.dsrflow.workflow.holds.EraseClaims;
import dev.dsrflow.workflow.holds.HoldRegistryActivities;
import dev.dsrflow.workflow.lifecycle.OrchestratorStubs;
import dev.dsrflow.workflow.lifecycle.TaskBatch;
import dev.dsrflow.workflow.lifecycle.WorkflowClock;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A deletion's erase claims on its subject's hold registry. When erasure begins, one claim for
 * every product about to be erased ({@link #claimAll}: the held ones are reported and waited on,
 * the others granted at once); later, one product at a time (after its hold lifted, or an
 * operator's retry or completion by hand). Each claim is released as soon as its product's erase
 * ends, so a hold placed meanwhile never waits for other products; releases of one workflow task
 * go out as one Update ({@link TaskBatch}).
 *
 * <p>Every call is a local activity (one marker event) under an update id made of the workflow
 * id, the run id and a per-run sequence number, the same on every local retry and on a replay
 * that runs the call again: the registry applies it once (within one of its runs; its operations
 * are idempotent besides, so a repeat that reaches it after a continue-as-new changes nothing).
 */
final class HoldClaims {
    private final RequestSpec spec;
    private final HoldRegistryActivities registry = OrchestratorStubs.local(HoldRegistryActivities.class);
    private final Set<String> grantedUpFront = new HashSet<>();
    private final Map<String, Instant> askedAt = new HashMap<>();
    private final TaskBatch<String> releases =
            new TaskBatch<>(products -> registry.releaseClaims(claims(products), nextUpdateId()));
    private int calls;

    HoldClaims(RequestSpec spec) {
        this.spec = spec;
    }

    /**
     * When erasure begins: claims every product at once; returns the held ones (the deletion now
     * waits on them). The others' claims are used by {@link #claim} or {@link #useGrants}.
     */
    List<String> claimAll(List<String> products) {
        if (products.isEmpty()) {
            return List.of();
        }
        Instant asked = WorkflowClock.now();
        ClaimedProducts answer = registry.claimErases(claims(products), nextUpdateId());
        grantedUpFront.addAll(answer.granted());
        answer.granted().forEach(p -> askedAt.put(p, asked));
        return answer.held();
    }

    /**
     * Claims one product's erase; returns the holds that refuse it (empty: granted). A claim
     * granted when erasure began is used, once, without asking again.
     */
    List<String> claim(String product) {
        if (grantedUpFront.remove(product)) {
            return List.of();
        }
        askedAt.put(product, WorkflowClock.now());
        return registry.claimErases(claims(List.of(product)), nextUpdateId()).heldBy();
    }

    /** Batches erase these products under the claims granted when erasure began (asks nothing). */
    void useGrants(List<String> products) {
        products.forEach(grantedUpFront::remove);
    }

    /**
     * When the product's current claim was asked for (its lease, {@link ClaimLease#LEASE}, runs
     * from the registry's answer, which is never earlier).
     */
    Instant askedAt(String product) {
        return askedAt.get(product);
    }

    /** Releases the product's claim (its erase ended, whichever way); returns once the registry has it. */
    void release(String product) {
        releaseAll(List.of(product));
    }

    /** Releases the claims on these products, with any other release of this workflow task. */
    void releaseAll(List<String> products) {
        if (!products.isEmpty()) {
            releases.add(products).get();
        }
    }

    private EraseClaims claims(List<String> products) {
        return new EraseClaims(spec.subjectKey(), spec.id(), List.copyOf(products));
    }

    /** {@code <workflowId>/<runId>/holds-<n>}: deterministic, unique per call within the run. */
    private String nextUpdateId() {
        calls++;
        return Workflow.getInfo().getWorkflowId() + "/" + Workflow.getInfo().getRunId() + "/holds-" + calls;
    }
}
