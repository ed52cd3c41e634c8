package dev.dsrflow.workflow.lifecycle;

import io.temporal.failure.ApplicationFailure;

/**
 * Why an operator's update was refused. Validators throw these, so a refused update leaves no
 * history; the API maps a refused update ({@code WorkflowUpdateException}) to 409.
 *
 * <p>Found with SDK 1.38: the client does not receive a validator's failure type (the worker
 * wraps it), and with the encrypted converter not its message either (the client sees
 * "Encoded failure"). The message therefore starts with the type ({@code "FourEyes: ..."}) for
 * clients that see it; the refusal itself (and no history) is what every client can rely on.
 */
public final class Rejections {
    /** The request's or product's state does not allow the action. */
    public static final String NOT_ALLOWED_NOW = "NotAllowedNow";
    /** The requester tried to approve or reject their own request. */
    public static final String FOUR_EYES = "FourEyes";
    /** The action needs a reason and none was given. */
    public static final String REASON_REQUIRED = "ReasonRequired";
    /** The product is not part of the request. */
    public static final String UNKNOWN_PRODUCT = "UnknownProduct";
    /** The input is malformed (missing actor, a date in the past). */
    public static final String INVALID_INPUT = "InvalidInput";

    private Rejections() {}

    public static ApplicationFailure of(String type, String message) {
        return ApplicationFailure.newNonRetryableFailure(type + ": " + message, type);
    }

    public static void requireActor(String actor) {
        if (actor == null || actor.isBlank()) {
            throw of(INVALID_INPUT, "actor is required");
        }
    }

    public static void requireReason(String reason, String action) {
        if (reason == null || reason.isBlank()) {
            throw of(REASON_REQUIRED, action + " needs a reason");
        }
    }
}
