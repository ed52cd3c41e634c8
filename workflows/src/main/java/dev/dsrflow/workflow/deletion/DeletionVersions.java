package dev.dsrflow.workflow.deletion;

/**
 * Change ids reserved for {@code Workflow.getVersion} guards of the deletion workflow. The first
 * version needs no guard; a change to its command sequence adds one here and guards it, so
 * deletions already waiting months on a hold replay unchanged.
 */
public final class DeletionVersions {
  /** Reserved: a change to how erasure batches claims with the hold registry. */
  public static final String CLAIM_BATCHING = "deletion-claim-batching";
  /** Reserved: a change to restriction or compensation during the grace period. */
  public static final String GRACE_COMPENSATION = "deletion-grace-compensation";

  private DeletionVersions() {}
}
