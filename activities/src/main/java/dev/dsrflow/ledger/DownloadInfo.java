package dev.dsrflow.ledger;

import java.time.Instant;

/** A download package and its signed link token. */
public record DownloadInfo(String token, Instant expiresAt, String sha256, long bytes, boolean purged) {}
