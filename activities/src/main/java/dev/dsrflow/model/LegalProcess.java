package dev.dsrflow.model;

import java.time.Instant;

/**
 * The legal process a preservation answers.
 *
 * @param kind the process kind
 * @param reference the case or letter reference
 * @param authority the issuing authority
 * @param expiresAt when the process says the hold ends (may be null: until released)
 */
public record LegalProcess(LegalProcessKind kind, String reference, String authority, Instant expiresAt) {}
