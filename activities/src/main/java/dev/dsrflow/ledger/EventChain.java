package dev.dsrflow.ledger;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The hash chain over a request's events: each row's hash covers its content and the previous
 * row's hash, so changing, removing or reordering any row breaks every hash after it. Fields are
 * encoded with their lengths (a text as its UTF-8 byte count, then its bytes; null as length -1;
 * numbers as 8 bytes), so no choice of field values can make two different rows encode alike.
 * {@code V2__ledger_length_encoded_chain.sql} computes the same encoding in SQL.
 */
public final class EventChain {
    /** The previous hash of a request's first event. */
    public static final String GENESIS = "0".repeat(64);

    private EventChain() {}

    /** The hash of one event given the previous row's hash; {@code at} counts to the microsecond. */
    public static String hash(
            String prevHash,
            String requestId,
            long seq,
            Instant at,
            String actor,
            String kind,
            String product,
            String detail) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            text(out, prevHash);
            text(out, requestId);
            out.writeLong(seq);
            out.writeLong(ChronoUnit.MICROS.between(Instant.EPOCH, at));
            text(out, actor);
            text(out, kind);
            text(out, product);
            text(out, detail);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    /** Whether the stored rows, in seq order, form an intact chain. */
    public static boolean verify(String requestId, List<StoredEvent> events) {
        return firstBreak(requestId, events).isEmpty();
    }

    /** Where the chain breaks, in one line; empty when it is intact. */
    public static Optional<String> firstBreak(String requestId, List<StoredEvent> events) {
        String prev = GENESIS;
        long expectedSeq = 1;
        for (StoredEvent e : events) {
            if (e.seq() != expectedSeq) {
                return Optional.of("event " + e.seq() + " stands where event " + expectedSeq + " should");
            }
            if (!prev.equals(e.prevHash())) {
                return Optional.of("event " + e.seq() + " does not follow the hash of the event before it");
            }
            String h = hash(prev, requestId, e.seq(), e.at(), e.actor(), e.kind(), e.product(), e.detail());
            if (!h.equals(e.hash())) {
                return Optional.of("event " + e.seq() + " does not match its hash");
            }
            prev = h;
            expectedSeq++;
        }
        return Optional.empty();
    }
}
