package dev.dsrflow.workflow;

import dev.dsrflow.model.RequestStatus;

/**
 * What a verification attempt did.
 *
 * @param outcome VERIFIED; WRONG (the tries left say how many remain: at 0 the code is locked);
 *     EXPIRED or LOCKED (the code no longer verifies: ask for a new one)
 * @param remainingTries tries left on the current code
 * @param status the request's status after the attempt
 */
public record VerificationAnswer(Outcome outcome, int remainingTries, RequestStatus status) {
    public enum Outcome {
        VERIFIED,
        WRONG,
        EXPIRED,
        LOCKED
    }
}
