package dev.dsrflow.workflow.deletion;

import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.workflow.holds.ClaimLease;
import dev.dsrflow.workflow.holds.ClaimedProducts;
import dev.dsrflow.workflow.holds.EraseClaims;
import dev.dsrflow.workflow.holds.HoldRegistryActivities;
import dev.dsrflow.workflow.lifecycle.OrchestratorStubs;
import dev.dsrflow.workflow.lifecycle.RequestState;
import dev.dsrflow.workflow.lifecycle.TaskBatch;
import dev.dsrflow.workflow.lifecycle.WorkflowClock;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A deletion's erase claims on its subject's hold registries: one per subject key of the person
 * ({@link RequestState#subjectKeys}, resolved when the request began), so a hold filed under any
 * identifier of the person stops the erase. A product's claim is granted only when every registry
 * grants it; held in any, the deletion waits on it there (that registry signals when it is free)
 * and the grants the other registries gave for it are released at once, so no hold waits on a
 * claim the deletion cannot use. When erasure begins, one claim for
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
    private final RequestState state;
    private final HoldRegistryActivities registry = OrchestratorStubs.local(HoldRegistryActivities.class);
    private final Set<String> grantedUpFront = new HashSet<>();
    private final Map<String, Instant> askedAt = new HashMap<>();
    private final TaskBatch<String> releases = new TaskBatch<>(products -> release(keys(), products));
    private int calls;

    HoldClaims(RequestState state) {
        this.state = state;
    }

    /** Claims under the filed subject key alone (a request whose subject was never resolved). */
    HoldClaims(RequestSpec spec) {
        this(new RequestState(spec));
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
        ClaimedProducts answer = claimEverywhere(products);
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
        return claimEverywhere(List.of(product)).heldBy();
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

    /**
     * Claims the products in every key's registry at once (one local activity each, started
     * together); a product is granted when all granted it, held when any holds it. Grants of a
     * held product are released before this returns.
     */
    private ClaimedProducts claimEverywhere(List<String> products) {
        List<String> keys = keys();
        List<Promise<ClaimedProducts>> answers = new ArrayList<>();
        for (String key : keys) {
            EraseClaims claims = new EraseClaims(key, state.id(), List.copyOf(products));
            String updateId = nextUpdateId();
            answers.add(Async.function(registry::claimErases, claims, updateId));
        }
        Set<String> held = new LinkedHashSet<>();
        Set<String> heldBy = new TreeSet<>();
        Map<String, List<String>> grantedIn = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            ClaimedProducts answer = answers.get(i).get();
            held.addAll(answer.held());
            heldBy.addAll(answer.heldBy());
            grantedIn.put(keys.get(i), answer.granted());
        }
        List<String> granted = products.stream().filter(p -> !held.contains(p)).toList();
        List<Promise<Void>> undone = new ArrayList<>();
        grantedIn.forEach((key, grants) -> {
            List<String> unusable = grants.stream().filter(held::contains).toList();
            if (!unusable.isEmpty()) {
                undone.add(Async.procedure(() -> release(List.of(key), unusable)));
            }
        });
        Promise.allOf(undone).get();
        return new ClaimedProducts(
                granted, products.stream().filter(held::contains).toList(), List.copyOf(heldBy));
    }

    /** Releases the products' claims in the registries of these keys, one local activity each, started together. */
    private void release(List<String> keys, List<String> products) {
        List<Promise<Integer>> released = new ArrayList<>();
        for (String key : keys) {
            EraseClaims claims = new EraseClaims(key, state.id(), List.copyOf(products));
            String updateId = nextUpdateId();
            released.add(Async.function(registry::releaseClaims, claims, updateId));
        }
        Promise.allOf(released).get();
    }

    private List<String> keys() {
        return state.subjectKeys();
    }

    /** {@code <workflowId>/<runId>/holds-<n>}: deterministic, unique per call within the run. */
    private String nextUpdateId() {
        calls++;
        return Workflow.getInfo().getWorkflowId() + "/" + Workflow.getInfo().getRunId() + "/holds-" + calls;
    }
}
