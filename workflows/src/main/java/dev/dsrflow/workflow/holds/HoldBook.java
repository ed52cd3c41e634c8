package dev.dsrflow.workflow.holds;

import dev.dsrflow.workflow.holds.HoldRegistryState.ActiveHold;
import dev.dsrflow.workflow.holds.HoldRegistryState.Claim;
import dev.dsrflow.workflow.holds.HoldRegistryState.Waiter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The hold registry's bookkeeping, free of Temporal: which holds cover which products, which
 * deletions wait on which products, which erases are running. Deterministic iteration order.
 */
final class HoldBook {
    private final Map<String, ActiveHold> holds = new LinkedHashMap<>();
    private final Map<String, Set<String>> waiters = new LinkedHashMap<>();
    private final List<Claim> claims = new ArrayList<>();

    static HoldBook of(HoldRegistryState state) {
        HoldBook book = new HoldBook();
        if (state != null) {
            state.holds().forEach(h -> book.holds.put(h.holdId(), h));
            state.waiters().forEach(w -> book.waiters.put(w.requestId(), new TreeSet<>(w.products())));
            book.claims.addAll(state.claims());
        }
        return book;
    }

    HoldRegistryState state() {
        return new HoldRegistryState(
                List.copyOf(holds.values()),
                waiters.entrySet().stream()
                        .map(e -> new Waiter(e.getKey(), Set.copyOf(e.getValue())))
                        .toList(),
                List.copyOf(claims));
    }

    boolean isEmpty() {
        return holds.isEmpty() && waiters.isEmpty() && claims.isEmpty();
    }

    void place(HoldPlacement p) {
        holds.put(p.holdId(), new ActiveHold(p.holdId(), p.requestId(), Set.copyOf(p.products()), p.until()));
    }

    boolean renew(HoldChange change) {
        ActiveHold h = holds.get(change.holdId());
        if (h == null) {
            return false;
        }
        holds.put(h.holdId(), new ActiveHold(h.holdId(), h.requestId(), h.products(), change.until()));
        return true;
    }

    /** Ends a hold; returns, per waiting deletion, the products that became free. */
    Map<String, List<String>> end(String holdId) {
        Map<String, List<String>> freed = new LinkedHashMap<>();
        if (holds.remove(holdId) == null) {
            return freed;
        }
        for (var it = waiters.entrySet().iterator(); it.hasNext(); ) {
            var waiter = it.next();
            List<String> free =
                    waiter.getValue().stream().filter(p -> heldBy(p).isEmpty()).toList();
            if (!free.isEmpty()) {
                free.forEach(waiter.getValue()::remove);
                freed.put(waiter.getKey(), free);
            }
            if (waiter.getValue().isEmpty()) {
                it.remove();
            }
        }
        return freed;
    }

    /** Holds covering a product. */
    List<String> heldBy(String product) {
        return holds.values().stream()
                .filter(h -> h.products().contains(product))
                .map(ActiveHold::holdId)
                .toList();
    }

    /**
     * For each product: grants the erase claim when no hold covers it, otherwise registers the
     * deletion as waiting on it. A refused product holds no claim, even if an earlier, unanswered
     * try of the same call was granted.
     */
    ClaimedProducts claim(EraseClaims c, Instant leaseUntil) {
        List<String> granted = new ArrayList<>();
        List<String> held = new ArrayList<>();
        Set<String> heldBy = new TreeSet<>();
        for (String product : c.products()) {
            release(c.requestId(), product);
            List<String> holdsOn = heldBy(product);
            if (holdsOn.isEmpty()) {
                claims.add(new Claim(c.requestId(), product, leaseUntil));
                granted.add(product);
            } else {
                waitOn(c.requestId(), product);
                held.add(product);
                heldBy.addAll(holdsOn);
            }
        }
        return new ClaimedProducts(List.copyOf(granted), List.copyOf(held), List.copyOf(heldBy));
    }

    /** Releases the deletion's claims on these products; returns how many were held. */
    int release(EraseClaims c) {
        int released = 0;
        for (String product : c.products()) {
            released += release(c.requestId(), product) ? 1 : 0;
        }
        return released;
    }

    private boolean release(String requestId, String product) {
        return claims.removeIf(
                k -> k.requestId().equals(requestId) && k.product().equals(product));
    }

    /** The latest lease end among unexpired claims on any of the products, if any claim runs. */
    Optional<Instant> runningErases(Set<String> products, Instant now) {
        claims.removeIf(k -> !k.leaseUntil().isAfter(now));
        return claims.stream()
                .filter(k -> products.contains(k.product()))
                .map(Claim::leaseUntil)
                .max(Instant::compareTo);
    }

    private void waitOn(String requestId, String product) {
        waiters.computeIfAbsent(requestId, k -> new TreeSet<>()).add(product);
    }
}
