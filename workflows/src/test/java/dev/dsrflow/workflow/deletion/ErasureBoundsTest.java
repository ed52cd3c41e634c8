package dev.dsrflow.workflow.deletion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrflow.workflow.holds.ClaimLease;
import org.junit.jupiter.api.Test;

/** A product's whole erase-and-verify fits in one claim lease at the call limit (see {@link ClaimLease}). */
class ErasureBoundsTest {
    @Test
    void everyEraseAndVerifyOfOneClaimFitsInItsLease() {
        int calls = 2 * (1 + EraseAndVerify.MAX_RE_ERASES);
        assertThat(calls).isLessThanOrEqualTo(ClaimLease.CALLS_PER_LEASE);
        assertThat(ClaimLease.CALL_LIMIT.multipliedBy(calls))
                .isLessThanOrEqualTo(ClaimLease.LEASE.minus(ClaimLease.MARGIN));
    }
}
