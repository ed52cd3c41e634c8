package dev.dsrflow.workflow.holds;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A subject's holds and the deletions waiting on them; carried across continue-as-new.
 *
 * @param holds active holds
 * @param waiters deletions waiting for held products
 * @param claims erase claims granted and not yet released (a hold placed on their product waits
 *     for them, so no erase is ever running under a hold)
 */
public record HoldRegistryState(List<ActiveHold> holds, List<Waiter> waiters, List<Claim> claims) {
    public static final HoldRegistryState EMPTY = new HoldRegistryState(List.of(), List.of(), List.of());

    /** One active hold. */
    public record ActiveHold(String holdId, String requestId, Set<String> products, Instant until) {}

    /** One deletion and the held products it waits for. */
    public record Waiter(String requestId, Set<String> products) {}

    /** A granted erase claim, valid until its lease ends (a crashed deletion cannot block forever). */
    public record Claim(String requestId, String product, Instant leaseUntil) {}
}
