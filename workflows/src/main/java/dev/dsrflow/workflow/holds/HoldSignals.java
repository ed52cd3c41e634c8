package dev.dsrflow.workflow.holds;

/** Names of the hold registry's updates and query, and of the signal it sends to deletions. */
public final class HoldSignals {
    public static final String PLACE_HOLD = "placeHold";
    public static final String RENEW_HOLD = "renewHold";
    public static final String END_HOLD = "endHold";
    public static final String CLAIM_ERASES = "claimErases";
    public static final String RELEASE_CLAIMS = "releaseClaims";
    public static final String STATE = "state";
    /** Sent to a deletion workflow when products it waits on are free. */
    public static final String HOLDS_LIFTED = "holdsLifted";

    private HoldSignals() {}
}
