package dev.dsrflow.console;

import java.util.List;

/**
 * Legal's view of holds: preservations in force (those expiring inside the warning window
 * flagged), the products each covers, the deletions of the same subject waiting on it, and
 * preservations still awaiting a second lawyer's approval.
 */
public record HoldsPage(
        List<Hold> holds, List<RequestSummary> waitingDeletions, List<RequestSummary> awaitingApproval, String error) {

    /** One preservation in force. */
    public record Hold(
            RequestSummary request, boolean expiringSoon, List<String> products, List<RequestSummary> waiting) {}
}
