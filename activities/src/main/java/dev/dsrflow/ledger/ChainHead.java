package dev.dsrflow.ledger;

import java.time.Instant;

/**
 * What a signed ledger head attests: the request's chain ended at {@code seq} with {@code hash}
 * when the ledger signed it at {@code at}. The payload of {@link SignedHead#jws()}.
 */
public record ChainHead(String requestId, long seq, String hash, Instant at) {}
