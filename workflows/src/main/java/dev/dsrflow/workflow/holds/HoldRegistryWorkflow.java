package dev.dsrflow.workflow.holds;

import dev.dsrflow.workflow.WorkflowTypes;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One per subject ({@code holds-<subjectKey>}): the subject's active legal holds and the
 * deletions waiting on them. Started by update-with-start from whichever request needs it
 * first; every operation is an Update answered synchronously. Invariant: no erase starts on a
 * product while a hold covers it. Deletions claim before erasing ({@link #claimErases}): all
 * products at once when erasure begins, one product when it is erased later (after its hold
 * lifted, or an operator's retry). An erase counts as running from its granted claim until its
 * claim is released ({@link #releaseClaims}); a hold being placed waits until erases already
 * running on its products have ended, and refuses new claims from the moment it is placed.
 * Granted claims are part of the state carried across continue-as-new.
 */
@WorkflowInterface
public interface HoldRegistryWorkflow {
    /** Runs forever, continuing as new before its history grows large. */
    @WorkflowMethod(name = WorkflowTypes.HOLD_REGISTRY)
    void run(HoldRegistryState carried);

    /** Places (or re-places) a hold; returns once no erase is running on its products. */
    @UpdateMethod(name = HoldSignals.PLACE_HOLD)
    HoldRegistryState placeHold(HoldPlacement placement);

    /** Moves a hold's lapse instant. */
    @UpdateMethod(name = HoldSignals.RENEW_HOLD)
    HoldRegistryState renewHold(HoldChange change);

    /** Ends a hold; deletions waiting on products it alone covered are signalled. */
    @UpdateMethod(name = HoldSignals.END_HOLD)
    HoldRegistryState endHold(HoldChange change);

    /**
     * In one step, for each of a deletion's products: grants the erase claim when no hold covers
     * it, otherwise registers the deletion as waiting on it.
     */
    @UpdateMethod(name = HoldSignals.CLAIM_ERASES)
    ClaimedProducts claimErases(EraseClaims claims);

    /** A deletion's claimed erases have ended (successfully or not); returns how many claims were released. */
    @UpdateMethod(name = HoldSignals.RELEASE_CLAIMS)
    int releaseClaims(EraseClaims claims);

    /** The registry's current state. */
    @QueryMethod(name = HoldSignals.STATE)
    HoldRegistryState state();
}
