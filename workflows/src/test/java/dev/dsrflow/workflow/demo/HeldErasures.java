package dev.dsrflow.workflow.demo;

import dev.dsrflow.demo.ErasureLogEntry;
import dev.dsrflow.ledger.LedgerStore;
import dev.dsrflow.ledger.StoredEvent;
import dev.dsrflow.model.RequestSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The hold invariant checked from records, not from workflow internals: the holds' active
 * intervals come from the preservation requests' ledger events, the erasures from the demo
 * products' own erasure logs (stamped by the same clock the workflows run on).
 *
 * <p>A hold is active from {@code HOLD_REGISTERED} (recorded once the registry has the hold and
 * every erase already running on its products has finished) to {@code RELEASING} (recorded
 * before the products release their copies and the registry drops the hold). Both bounds lie
 * inside the span in which the registry refuses erases, so an erased chunk strictly between
 * them is an erase that ran on held data; equal instants are not counted.
 */
final class HeldErasures {
    /**
     * One hold's active interval over one person's products; {@code subjectKeys} are every key of
     * the person (an erasure is logged under the key its deletion was filed with, whichever).
     */
    record ActiveHold(String requestId, Set<String> subjectKeys, List<String> products, Instant from, Instant to) {
        boolean covers(String product, ErasureLogEntry e) {
            return subjectKeys.contains(e.subjectKey())
                    && products.contains(product)
                    && e.erasedAt().isAfter(from)
                    && e.erasedAt().isBefore(to);
        }
    }

    private HeldErasures() {}

    /** The active interval of a finished preservation, from its ledger events, over the subject it was filed for. */
    static ActiveHold activeHold(LedgerStore ledger, RequestSpec preservation) {
        return activeHold(ledger, preservation, Set.of(preservation.subjectKey()));
    }

    /** As {@link #activeHold(LedgerStore, RequestSpec)}, over the person with these keys. */
    static ActiveHold activeHold(LedgerStore ledger, RequestSpec preservation, Set<String> personKeys) {
        List<StoredEvent> events = ledger.events(preservation.id());
        Instant from = at(events, "HOLD_REGISTERED", preservation.id());
        Instant to = at(events, "RELEASING", preservation.id());
        return new ActiveHold(preservation.id(), personKeys, preservation.products(), from, to);
    }

    /** Every erased chunk of the products' logs for the subjects that fell inside an active hold on it. */
    static List<String> violations(
            DemoRig rig, List<String> products, List<String> subjectKeys, List<ActiveHold> holds) {
        List<String> found = new ArrayList<>();
        for (String product : products) {
            for (String subjectKey : subjectKeys) {
                for (ErasureLogEntry e : rig.product(product).erasureLog(subjectKey)) {
                    for (ActiveHold h : holds) {
                        if (h.covers(product, e)) {
                            found.add(product + " erased " + e.items() + " " + e.category() + " items of " + subjectKey
                                    + " at " + e.erasedAt() + " under hold " + h.requestId() + " active " + h.from()
                                    + " .. " + h.to());
                        }
                    }
                }
            }
        }
        return found;
    }

    private static Instant at(List<StoredEvent> events, String kind, String requestId) {
        return events.stream()
                .filter(e -> e.kind().equals(kind))
                .map(StoredEvent::at)
                .findFirst()
                .orElseThrow(() ->
                        new AssertionError("preservation " + requestId + " has no " + kind + " event in the ledger"));
    }
}
