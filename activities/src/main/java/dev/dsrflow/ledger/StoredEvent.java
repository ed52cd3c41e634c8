package dev.dsrflow.ledger;

import java.time.Instant;

/** An event as stored, with its place in the chain. */
public record StoredEvent(
        long seq, Instant at, String actor, String kind, String product, String detail, String prevHash, String hash) {}
