package dev.dsrflow.model;

/** Lifecycle status of a request, as exposed by the API. */
public enum RequestStatus {
    RECEIVED,
    /** Waiting for the subject to enter the code sent to their address. */
    AWAITING_VERIFICATION,
    AWAITING_APPROVAL,
    GRACE_PERIOD,
    IN_PROGRESS,
    WAITING_ON_HOLD,
    ACTIVE,
    COMPLETED,
    CANCELLED,
    REJECTED,
    RELEASED,
    EXPIRED,
    FAILED;

    /** Whether the request has reached an end state and will not change again. */
    public boolean isFinal() {
        return switch (this) {
            case COMPLETED, CANCELLED, REJECTED, RELEASED, EXPIRED, FAILED -> true;
            default -> false;
        };
    }
}
