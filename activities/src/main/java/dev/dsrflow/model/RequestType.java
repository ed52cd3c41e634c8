package dev.dsrflow.model;

/** The four kinds of data-subject request dsrflow orchestrates. */
public enum RequestType {
    /** Right of access: an inventory report joined with the policy's data map. */
    ACCESS,
    /** Portable export: a zip package behind an expiring link. */
    DOWNLOAD,
    /** Erasure across products, after a grace period, respecting legal holds. */
    DELETION,
    /** Legal preservation (legal hold) of a subject's data. */
    PRESERVATION;

    /** Whether a second person must approve before execution (four eyes). */
    public boolean needsApproval() {
        return this == DELETION || this == PRESERVATION;
    }
}
