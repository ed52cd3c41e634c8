package dev.dsrflow.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWKSet;
import dev.dsrflow.certificate.EvidenceJson;
import dev.dsrflow.certificate.SignedEvidence;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a request's history with public keys only: the head's signature, the chain, and that the
 * chain ends exactly at the signed head, so a truncated chain (rows removed from the end) or a
 * recomputed one (rows changed and every hash after them rewritten) no longer verifies. The API's
 * history endpoint and the offline {@code java -jar dsrflow.jar verify history.json --keys keys.json}
 * both use it.
 */
public final class HistoryVerifier {
    private final JWKSet keys;

    public HistoryVerifier(JWKSet keys) {
        this.keys = keys;
    }

    /** The outcome of a check, with one line saying why (not). */
    public record Verdict(boolean valid, String reason) {}

    /** Checks a history as the ledger holds it. */
    public Verdict check(RequestHistory history) {
        SignedHead stored = history.head();
        if (stored == null || stored.jws() == null) {
            return new Verdict(false, "the chain head is not signed");
        }
        SignedEvidence.Check signature = SignedEvidence.verify(stored.jws(), keys, SignedEvidence.LEDGER_HEAD_TYPE);
        if (!signature.valid()) {
            return new Verdict(false, "head: " + signature.reason());
        }
        ChainHead head;
        try {
            head = EvidenceJson.MAPPER.readValue(signature.payload(), ChainHead.class);
        } catch (IOException e) {
            return new Verdict(false, "head: the signed payload is not a chain head");
        }
        if (history.requestId() != null && !history.requestId().equals(head.requestId())) {
            return new Verdict(
                    false, "the signed head is of request " + head.requestId() + ", not " + history.requestId());
        }
        List<StoredEvent> events = history.events();
        var broken = EventChain.firstBreak(head.requestId(), events);
        if (broken.isPresent()) {
            return new Verdict(false, "chain broken: " + broken.get());
        }
        if (events.isEmpty()) {
            return new Verdict(false, "no events, but a signed head at event " + head.seq());
        }
        StoredEvent last = events.get(events.size() - 1);
        if (last.seq() != head.seq()) {
            return new Verdict(
                    false, "the chain ends at event " + last.seq() + " but the signed head is at event " + head.seq());
        }
        if (!last.hash().equals(head.hash())) {
            return new Verdict(false, "the chain's last hash is not the signed head's: the chain was recomputed");
        }
        return new Verdict(
                true,
                events.size() + " events of request " + head.requestId() + ", chain intact up to the head signed by"
                        + " key " + signature.keyId() + " at " + head.at());
    }

    /**
     * Checks a history export: the JSON answer of {@code GET /v1/requests/{id}/history}
     * ({@code events} with {@code seq, at, actor, kind, product, detail, hash, prevHash}, and
     * {@code head} with {@code seq, hash, jws}).
     */
    public Verdict check(String export) {
        RequestHistory history;
        try {
            history = parse(export);
        } catch (IOException | RuntimeException e) {
            return new Verdict(false, "not a history export: " + e.getMessage());
        }
        return check(history);
    }

    private static RequestHistory parse(String export) throws IOException {
        JsonNode doc = EvidenceJson.MAPPER.readTree(export);
        if (!doc.path("events").isArray()) {
            throw new IllegalArgumentException("no events array");
        }
        List<StoredEvent> events = new ArrayList<>();
        for (JsonNode e : doc.get("events")) {
            events.add(new StoredEvent(
                    e.path("seq").asLong(),
                    Instant.parse(e.path("at").asText()),
                    text(e, "actor"),
                    text(e, "kind"),
                    text(e, "product"),
                    text(e, "detail"),
                    text(e, "prevHash"),
                    text(e, "hash")));
        }
        JsonNode head = doc.path("head");
        SignedHead signed = head.isObject()
                ? new SignedHead(head.path("seq").asLong(), text(head, "hash"), text(head, "jws"))
                : null;
        return new RequestHistory(text(doc, "requestId"), events, signed);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
