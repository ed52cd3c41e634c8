package dev.dsrflow.api.drp;

import java.time.Instant;

/**
 * A request an authorized agent filed, as {@code drp_requests} keeps it.
 *
 * @param deniedReason set for a request refused at once and never filed in the ledger
 * @param lastStatus the exercise status (JSON) the agent was last sent or answered
 */
record DrpRequest(
        String requestId,
        String agentId,
        String agentRequestId,
        String exercise,
        String regime,
        String statusCallback,
        boolean reliedOnAgent,
        String deniedReason,
        Instant receivedAt,
        String lastStatus) {

    /** This request under its final id, denied at once for {@code deniedReason} (or not: null). */
    DrpRequest as(String id, String deniedReason) {
        return new DrpRequest(
                id,
                agentId,
                agentRequestId,
                exercise,
                regime,
                statusCallback,
                reliedOnAgent,
                deniedReason,
                receivedAt,
                lastStatus);
    }
}
