package dev.dsrflow.product;

/**
 * Proof of a preservation.
 *
 * @param holdId the hold the copy belongs to
 * @param items items preserved
 * @param contentDigest SHA-256 over the preserved content, in a stable order
 * @param alreadyErased items known to have been erased before the hold (reported, not hidden)
 */
public record PreservationReceipt(String holdId, long items, String contentDigest, long alreadyErased) {}
