package dev.dsrflow.workflow.lifecycle;

import dev.dsrflow.ledger.LedgerEvent;
import dev.dsrflow.model.ProductTaskStatus;

/**
 * One operator decision found in the ledger for a request whose workflow is re-driven, applied
 * to the new run's state exactly as the original update applied it (without recording it again).
 */
final class PriorDecision {
    private PriorDecision() {}

    static void apply(RequestState state, LedgerEvent e) {
        switch (e.kind()) {
            case "APPROVED" -> {
                if (state.approvedBy() == null) {
                    state.approve(e.actor());
                }
            }
            case "EXTENDED" -> {
                if (!state.extended() && state.dueAt() != null) {
                    state.extendTo(DeadlinePolicy.extendedDueAt(
                            state.spec().jurisdiction(),
                            state.spec().receivedAt(),
                            state.spec().policy()));
                }
            }
            case "PRODUCT_COMPLETED_BY_HAND" ->
                state.product(e.product())
                        .ifPresent(task -> task.moveTo(
                                ProductTaskStatus.DONE,
                                "completed by hand by " + e.actor() + ": " + e.detail(),
                                e.at()));
            case "PRODUCT_SKIPPED" ->
                state.product(e.product())
                        .ifPresent(task -> task.moveTo(
                                ProductTaskStatus.SKIPPED, "skipped by " + e.actor() + ": " + e.detail(), e.at()));
            default -> {
                // other events describe what the workflow itself did; the new run does it again
            }
        }
    }
}
