package dev.dsrflow.workflow.holds;

import java.time.Instant;

/**
 * A change to an existing hold: renewal (with {@code until}) or end (until ignored).
 *
 * @param holdId the hold
 * @param until the new lapse instant (renewal only)
 */
public record HoldChange(String holdId, Instant until) {}
