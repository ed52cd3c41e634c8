package dev.dsrflow.workflow.lifecycle;

import dev.dsrflow.ledger.DownloadInfo;
import dev.dsrflow.ledger.RequestSnapshot;
import dev.dsrflow.model.ProductTaskStatus;
import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.model.SubjectIdentifiers;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request's state inside its workflow: status, dates, actors, per-product tasks and the
 * type-specific results. {@link #snapshot} turns it into what the ledger and the API see.
 */
public final class RequestState {
    private final RequestSpec spec;
    private final Map<String, ProductTaskState> products = new LinkedHashMap<>();
    private RequestStatus status = RequestStatus.RECEIVED;
    private long revision;
    private Instant originalDueAt;
    private Instant dueAt;
    private boolean extended;
    private String approvedBy;
    private Instant graceEndsAt;
    private Instant graceConfiguredEnd;
    private Instant holdExpiresAt;
    private Instant completedAt;
    private DownloadInfo download;
    private String reportBlob;
    private String certificate;
    private String endedBy;
    private String endReason;
    private boolean compactSnapshots;
    private SubjectIdentifiers subject;
    private List<String> subjectKeys;

    public RequestState(RequestSpec spec) {
        this.spec = spec;
        this.subject = spec.subject();
    }

    /**
     * Who the request's product calls are about: the filed identifiers, completed once resolved
     * with the identifier kinds the filing left out ({@link SubjectResolution}).
     */
    public SubjectIdentifiers subject() {
        return subject;
    }

    /**
     * Every subject key of the person: the filed key alone until the subject is resolved, then the
     * filed key first and each other key once. Holds are registered and erases claimed under each.
     */
    public List<String> subjectKeys() {
        return subjectKeys == null ? List.of(spec.subjectKey()) : subjectKeys;
    }

    /** Records the subject's resolution: the completed identifiers and every key of the person. */
    public void resolved(SubjectIdentifiers completed, List<String> keys) {
        this.subject = completed;
        this.subjectKeys = List.copyOf(keys);
    }

    public RequestSpec spec() {
        return spec;
    }

    public String id() {
        return spec.id();
    }

    public RequestStatus status() {
        return status;
    }

    public void moveTo(RequestStatus next) {
        this.status = next;
    }

    public boolean isFinal() {
        return status.isFinal();
    }

    /** Adds a product task (in the spec's product order). */
    public ProductTaskState addProduct(String product, ProductTaskStatus initial, Instant at, String detail) {
        ProductTaskState task = new ProductTaskState(product, initial, at, detail);
        products.put(product, task);
        return task;
    }

    public Collection<ProductTaskState> products() {
        return products.values();
    }

    public Optional<ProductTaskState> product(String id) {
        return Optional.ofNullable(products.get(id));
    }

    public boolean anyProduct(ProductTaskStatus s) {
        return products.values().stream().anyMatch(t -> t.status() == s);
    }

    public boolean allProductsSettled() {
        return products.values().stream().allMatch(t -> t.status().isSettled());
    }

    /** Sets the initial due date (and remembers it as the original one). */
    public void setDeadline(Instant due) {
        this.originalDueAt = due;
        this.dueAt = due;
    }

    public Instant originalDueAt() {
        return originalDueAt;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public boolean extended() {
        return extended;
    }

    public void extendTo(Instant newDue) {
        this.dueAt = newDue;
        this.extended = true;
    }

    public String approvedBy() {
        return approvedBy;
    }

    public void approve(String actor) {
        this.approvedBy = actor;
    }

    public Instant graceEndsAt() {
        return graceEndsAt;
    }

    /**
     * When the grace period ends, and, when the due date shortened it, when the configured period
     * alone would have ended it (else null).
     */
    public void setGraceEnds(Instant at, Instant configuredIfShortened) {
        this.graceEndsAt = at;
        this.graceConfiguredEnd = configuredIfShortened;
    }

    public Instant holdExpiresAt() {
        return holdExpiresAt;
    }

    public void setHoldExpiresAt(Instant at) {
        this.holdExpiresAt = at;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public void setCompletedAt(Instant at) {
        this.completedAt = at;
    }

    public DownloadInfo download() {
        return download;
    }

    public void setDownload(DownloadInfo info) {
        this.download = info;
    }

    public void setReportBlob(String key) {
        this.reportBlob = key;
    }

    public String certificate() {
        return certificate;
    }

    public void setCertificate(String doc) {
        this.certificate = doc;
    }

    /** Who cancelled, rejected or released the request, if someone did. */
    public String endedBy() {
        return endedBy;
    }

    public void setEndedBy(String actor) {
        this.endedBy = actor;
    }

    /** Why the request was rejected (told to the subject), if it was. */
    public String endReason() {
        return endReason;
    }

    public void setEndReason(String reason) {
        this.endReason = reason;
    }

    /**
     * A new snapshot with the next revision, at least {@code floor}. Journals pass a floor derived
     * from workflow time, so a request re-driven in a new workflow run writes revisions above
     * everything its earlier run wrote and the ledger accepts them.
     */
    public RequestSnapshot nextSnapshot(long floor) {
        revision = Math.max(revision + 1, floor);
        return snapshot();
    }

    /**
     * From now on, snapshots (ledger writes, update results, the view) carry each product's
     * status, attempts and detail but not its step result: set when the request is split into
     * batches, so an update result for thousands of products stays far under Temporal's 2 MB
     * payload limit (with results, 2,000 located products make a 2.4 MB snapshot). The full
     * results stay in the workflow for the access report and the package, which keep every
     * detail; the detail line keeps the counts (and a preservation's digest).
     */
    public void useCompactSnapshots() {
        this.compactSnapshots = true;
    }

    /** The current snapshot (same revision as the last ledger write). */
    public RequestSnapshot snapshot() {
        List<dev.dsrflow.ledger.ProductSnapshot> ps = products.values().stream()
                .map(t -> compactSnapshots ? t.compactSnapshot() : t.snapshot())
                .toList();
        return new RequestSnapshot(
                spec.id(),
                revision,
                spec.type(),
                status,
                spec.jurisdiction(),
                spec.subjectKey(),
                spec.receivedAt(),
                dueAt,
                extended,
                spec.requestedBy(),
                approvedBy,
                graceEndsAt,
                holdExpiresAt,
                completedAt,
                download,
                reportBlob,
                certificate,
                ps,
                subjectKeys,
                graceConfiguredEnd);
    }
}
