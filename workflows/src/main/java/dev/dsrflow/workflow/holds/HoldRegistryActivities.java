package dev.dsrflow.workflow.holds;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * How request workflows talk to a subject's hold registry: each call is one Update sent with
 * update-with-start (the registry starts on first use), identified by the calling activity so
 * a retried call is applied once. Runs on the orchestrator's task queue.
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
}
