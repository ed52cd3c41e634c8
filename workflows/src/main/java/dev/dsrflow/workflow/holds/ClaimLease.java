package dev.dsrflow.workflow.holds;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long an erase claim lasts, and how long the erase and verify calls made under it may
 * take: the one place that states the bound behind the invariant "no erase ever runs on a
 * product while a hold covers it".
 *
 * <p>The registry lets a new hold take effect once every claim on its products is released or
 * its {@link #LEASE} has run out (a crashed deletion cannot block a hold forever). So every
 * erase call made under a claim must be over before the lease ends, however long the product's
 * worker is away. A deletion therefore gives each erase and verify call a schedule-to-close
 * timeout (retries and time waiting in the product's queue included: the server fails the call
 * when it passes, and no worker can pick it up after) of {@link #callTimeout}: at most
 * {@link #CALL_LIMIT}, and never past the lease's end less {@link #MARGIN}, counting the lease
 * from the moment the deletion asked for the claim (the registry starts it later, never
 * earlier). The margin covers the time between the deletion's workflow task starting and the
 * call being scheduled at its end (a workflow task lasts at most seconds). When less than
 * {@link #MIN_CALL} of the lease is left, the deletion asks for its claim again instead of
 * calling (refused under a hold placed meanwhile: the product is DEFERRED).
 *
 * <p>Relation: {@code LEASE > MARGIN + CALL_LIMIT} (so a call can run its full limit), and a
 * deletion's whole erase-and-verify of a product, {@code 2 * (1 + re-erases)} calls at
 * {@link #CALL_LIMIT} each, fits within {@code LEASE - MARGIN} ({@link #CALLS_PER_LEASE}), so
 * re-claiming is needed only when the deletion itself was held up (its worker down). A call that
 * runs out of time fails, its product becomes FAILED and its claim is released; an operator's
 * retry claims again.
 */
public final class ClaimLease {
    /** How long a granted claim blocks a new hold if its deletion never reports back. */
    public static final Duration LEASE = Duration.ofHours(24);
    /** Longest one erase or verify call of a deletion may take, retries and queueing included. */
    public static final Duration CALL_LIMIT = Duration.ofHours(3);
    /** Kept free at the end of a lease: scheduling delay and clock granularity. */
    public static final Duration MARGIN = Duration.ofHours(1);
    /** Less than this left of a lease: claim again rather than start a call. */
    public static final Duration MIN_CALL = Duration.ofMinutes(15);
    /** Erase and verify calls (three erases and their verifications) that fit in one lease at the limit. */
    public static final int CALLS_PER_LEASE = 6;

    static {
        if (LEASE.compareTo(MARGIN.plus(CALL_LIMIT)) <= 0
                || LEASE.minus(MARGIN).compareTo(CALL_LIMIT.multipliedBy(CALLS_PER_LEASE)) < 0
                || CALL_LIMIT.compareTo(MIN_CALL) < 0) {
            throw new IllegalStateException("claim lease and call limits are inconsistent");
        }
    }

    private ClaimLease() {}

    /**
     * The schedule-to-close timeout for an erase or verify call starting {@code now} under a claim
     * asked for at {@code askedAt}; empty when less than {@link #MIN_CALL} of the lease is left
     * (claim again first).
     */
    public static Optional<Duration> callTimeout(Instant askedAt, Instant now) {
        Duration left = Duration.between(now, askedAt.plus(LEASE).minus(MARGIN));
        if (left.compareTo(MIN_CALL) < 0) {
            return Optional.empty();
        }
        return Optional.of(left.compareTo(CALL_LIMIT) < 0 ? left : CALL_LIMIT);
    }
}
