package dev.dsrflow.packaging;

import java.time.Instant;

/**
 * A built package.
 *
 * @param blobKey where the zip lives in the blob store
 * @param sha256 SHA-256 of the whole zip, hex
 * @param bytes size of the zip
 * @param files number of exported files inside (manifest and index not counted)
 * @param items number of exported items
 * @param token signed link token
 * @param expiresAt when the token expires
 */
public record PackageInfo(
        String blobKey, String sha256, long bytes, int files, long items, String token, Instant expiresAt) {}
