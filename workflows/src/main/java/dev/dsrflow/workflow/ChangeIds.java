package dev.dsrflow.workflow;

/**
 * Change ids reserved for {@code Workflow.getVersion} guards. The first version of each
 * workflow needs none; the first change to a workflow's command sequence takes the id named
 * here, guards the new path with {@code Workflow.getVersion(id, DEFAULT_VERSION, 1)}, and adds a
 * freshly recorded history next to the old one under {@code src/test/resources/histories}, so
 * requests already in flight (a deletion may wait months on a hold) replay unchanged.
 */
public final class ChangeIds {
    /** Access: how the report step is called (e.g. split per product). */
    public static final String ACCESS_REPORT = "access-report";
    /** Download: packaging, link issuing or purge. */
    public static final String DOWNLOAD_PACKAGING = "download-packaging";
    /**
     * Deletion: restriction and its compensation during the grace period. In use (version 1): a
     * grace period already over when restriction would start (zero, or a re-driven request)
     * restricts nothing ({@code deletion.GracePeriod}).
     */
    public static final String DELETION_GRACE = "deletion-grace";
    /**
     * Deletion: how erase claims are asked of the hold registry. In use (version 1): one batched
     * claim for all products when erasure begins, registry calls as local activities with
     * deterministic update ids, finishes of one workflow task batched ({@code deletion.HoldClaims}).
     */
    public static final String DELETION_CLAIMS = "deletion-claims";
    /** Deletion, in use (version 1): completing a product by hand first asks the hold registry. */
    public static final String DELETION_MANUAL_CLAIM = "deletion-manual-claim";
    /**
     * Deletion, in use (version 1): when less of a product's claim lease is left than an erase
     * or verify call may need, the deletion claims the product again instead of calling
     * ({@code deletion.Erasure}, {@code holds.ClaimLease}).
     */
    public static final String DELETION_CLAIM_LEASE = "deletion-claim-lease";
    /** Deletion: product batches run as child workflows for very large product counts. */
    public static final String DELETION_CHILD_BATCHES = "deletion-child-batches";
    /**
     * Access, download and preservation: a product step over more products than the request's
     * batch size runs in child workflows, one per batch ({@code lifecycle.ProductBatches}).
     */
    public static final String FAN_OUT_BATCHES = "fan-out-batches";
    /** Preservation: order of release fan-out and deregistration at the end of a hold. */
    public static final String PRESERVATION_END = "preservation-end";
    /** Every request: the finishing notice. */
    public static final String FINISH_NOTICE = "finish-notice";
    /** Hold registry: its continue-as-new bound and delivery of lifted holds. */
    public static final String REGISTRY_DELIVERY = "registry-delivery";

    /** Every request: re-apply operators' decisions from the ledger when a request is re-driven. */
    public static final String RESUME_FROM_LEDGER = "resume-from-ledger";

    /**
     * Every request: a workflow task's ledger writes go out as one local activity, and the
     * orchestrator's own short steps (access report, certificate, notice) run as local
     * activities ({@code RequestJournal.BATCHING} uses this id).
     */
    public static final String JOURNAL_BATCHING = "journal-batching";

    private ChangeIds() {}
}
