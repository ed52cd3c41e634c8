package dev.dsrflow.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventChainTest {
    private static final Instant AT = Instant.parse("2026-01-31T10:00:00Z");

    private static List<StoredEvent> chainOf(String... kinds) {
        List<StoredEvent> out = new ArrayList<>();
        String prev = EventChain.GENESIS;
        long seq = 1;
        for (String kind : kinds) {
            String hash = EventChain.hash(prev, "r1", seq, AT, "ops", kind, null, "d");
            out.add(new StoredEvent(seq++, AT, "ops", kind, null, "d", prev, hash));
            prev = hash;
        }
        return out;
    }

    @Test
    void anIntactChainVerifies() {
        assertThat(EventChain.verify("r1", chainOf("FILED", "APPROVED", "COMPLETED")))
                .isTrue();
    }

    @Test
    void changingOneRowsDetailBreaksTheChain() {
        List<StoredEvent> events = chainOf("FILED", "APPROVED", "COMPLETED");
        StoredEvent e = events.get(1);
        events.set(
                1,
                new StoredEvent(e.seq(), e.at(), e.actor(), e.kind(), e.product(), "forged", e.prevHash(), e.hash()));
        assertThat(EventChain.verify("r1", events)).isFalse();
    }

    @Test
    void removingARowBreaksTheChain() {
        List<StoredEvent> events = chainOf("FILED", "APPROVED", "COMPLETED");
        events.remove(1);
        assertThat(EventChain.verify("r1", events)).isFalse();
    }

    @Test
    void theSameEventsUnderAnotherRequestDoNotVerify() {
        assertThat(EventChain.verify("r2", chainOf("FILED"))).isFalse();
    }

    @Test
    void fieldsAreEncodedWithTheirLengthsSoMovingASeparatorBetweenFieldsChangesTheHash() {
        String joinedOneWay = EventChain.hash(EventChain.GENESIS, "r1", 1, AT, "ops\u001fAPPROVED", "x", null, "d");
        String joinedOtherWay = EventChain.hash(EventChain.GENESIS, "r1", 1, AT, "ops", "APPROVED\u001fx", null, "d");
        assertThat(joinedOneWay).isNotEqualTo(joinedOtherWay);
        assertThat(EventChain.hash(EventChain.GENESIS, "r1", 1, AT, "ops", "FILED", null, "d"))
                .as("no product and an empty product are different rows")
                .isNotEqualTo(EventChain.hash(EventChain.GENESIS, "r1", 1, AT, "ops", "FILED", "", "d"));
    }
}
