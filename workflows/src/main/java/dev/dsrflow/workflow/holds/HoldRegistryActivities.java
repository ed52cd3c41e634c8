package dev.dsrflow.workflow.holds;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * How request workflows talk to a subject's hold registry: each call is one Update sent with
 * update-with-start (the registry starts on first use), under an update id that stays the same
 * when the call is retried, so a retried call is applied once. Runs on the orchestrator's task
 * queue.
 *
 * <p>The methods without an {@code updateId} parameter derive it from the calling activity
 * (workflow id, run id, activity id): they are called as regular activities. The methods that
 * take one are the deletion's prompt calls, made as <em>local</em> activities (one marker event
 * each): the workflow passes a deterministic id, the same on every local retry and on a replay
 * that runs the call again, rather than relying on how the SDK numbers local activities.
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

    /** Which of a deletion's products are held; registers it as waiting on them. */
    @ActivityMethod
    HeldProducts registerDeletion(String subjectKey, DeletionRegistration registration);

    /** Asks to start erasing one product. */
    @ActivityMethod
    EraseClaimResult claimErase(String subjectKey, EraseClaim claim);

    /** Reports that a claimed erase finished. */
    @ActivityMethod
    HoldRegistryState finishErase(String subjectKey, EraseClaim claim);

    /** Claims the erase of every unheld product of a deletion; registers it as waiting on the held ones. */
    @ActivityMethod
    ClaimedProducts claimDeletion(String subjectKey, DeletionClaims claims, String updateId);

    /** {@link #claimErase} under the caller's update id (a local activity). */
    @ActivityMethod
    EraseClaimResult claimEraseOnce(String subjectKey, EraseClaim claim, String updateId);

    /** Reports that claimed erases of one deletion finished, in one Update; returns the claims released. */
    @ActivityMethod
    int finishErases(String subjectKey, FinishedErases finished, String updateId);
}
