package dev.dsrflow.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash chain over a request's events: each row's hash covers its content and the previous
 * row's hash, so changing, removing or reordering any row breaks every hash after it.
 */
public final class EventChain {
    /** The previous hash of a request's first event. */
    public static final String GENESIS = "0".repeat(64);

    private EventChain() {}

    /** The hash of one event given the previous row's hash. */
    public static String hash(
            String prevHash,
            String requestId,
            long seq,
            Instant at,
            String actor,
            String kind,
            String product,
            String detail) {
        String canonical = String.join(
                "\u001f",
                prevHash,
                requestId,
                Long.toString(seq),
                at.toString(),
                actor,
                kind,
                product == null ? "" : product,
                detail == null ? "" : detail);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the stored rows, in seq order, form an intact chain. */
    public static boolean verify(String requestId, List<StoredEvent> events) {
        String prev = GENESIS;
        long expectedSeq = 1;
        for (StoredEvent e : events) {
            if (e.seq() != expectedSeq++ || !e.prevHash().equals(prev)) {
                return false;
            }
            String h = hash(prev, requestId, e.seq(), e.at(), e.actor(), e.kind(), e.product(), e.detail());
            if (!h.equals(e.hash())) {
                return false;
            }
            prev = h;
        }
        return true;
    }
}
