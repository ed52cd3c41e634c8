package dev.dsrflow.ledger;

/**
 * A request's chain head as stored with the request: its last event's seq and hash, and a JWS
 * over the {@link ChainHead} signed with the certificate key each time an event is appended.
 * {@code jws} is null for a request recorded before heads were signed.
 */
public record SignedHead(long seq, String hash, String jws) {}
