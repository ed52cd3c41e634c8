package dev.dsrflow.workflow.holds;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * How request workflows talk to a subject's hold registry: each call is one Update sent with
 * update-with-start (the registry starts on first use), under an update id that stays the same
 * when the call is retried, so a retried call is applied once. Runs on the orchestrator's task
 * queue.
 *
 * <p>The hold calls (a preservation's: placing may wait for running erases) are regular
 * activities, under an update id derived from the calling activity (workflow id, run id,
 * activity id). The claim calls are a deletion's prompt calls, made as <em>local</em>
 * activities (one marker event each): the workflow passes a deterministic update id, the same
 * on every local retry and on a replay that runs the call again, rather than relying on how the
 * SDK numbers local activities.
 */
@ActivityInterface(namePrefix = "Holds")
public interface HoldRegistryActivities {
    /** Places a hold; returns once no erase is running on its products. */
    @ActivityMethod
    HoldRegistryState placeHold(String subjectKey, HoldPlacement placement);

    /** Moves a hold's lapse instant. */
    @ActivityMethod
    HoldRegistryState renewHold(String subjectKey, HoldChange change);

    /** Ends a hold; waiting deletions are signalled. */
    @ActivityMethod
    HoldRegistryState endHold(String subjectKey, HoldChange change);

    /**
     * Claims the erase of every unheld product of {@code claims}; registers the deletion as
     * waiting on the held ones.
     */
    @ActivityMethod
    ClaimedProducts claimErases(EraseClaims claims, String updateId);

    /** Releases a deletion's claims on these products, in one Update; returns the claims released. */
    @ActivityMethod
    int releaseClaims(EraseClaims claims, String updateId);
}
