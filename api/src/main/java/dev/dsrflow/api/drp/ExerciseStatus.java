package dev.dsrflow.api.drp;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The protocol's Exercise Status object (DRP 0.9.4 section 3.03): what the exercise, status and
 * revoke endpoints answer and what a status callback carries. Timestamps are ISO 8601 text.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
record ExerciseStatus(
        @JsonProperty("request_id") String requestId,
        @JsonProperty("agent_request_id") @Nullable String agentRequestId,
        @JsonProperty("status") String status,
        @JsonProperty("reason") @Nullable String reason,
        @JsonProperty("received_at") @Nullable String receivedAt,
        @JsonProperty("expected_by") @Nullable String expectedBy,
        @JsonProperty("processing_details") @Nullable String processingDetails,
        @JsonProperty("user_verification_url") @Nullable String userVerificationUrl,
        @JsonProperty("results_url") @Nullable String resultsUrl,
        @JsonProperty("expires_at") @Nullable String expiresAt) {

    static final String OPEN = "open";
    static final String IN_PROGRESS = "in_progress";
    static final String FULFILLED = "fulfilled";
    static final String REVOKED = "revoked";
    static final String DENIED = "denied";
    static final String EXPIRED = "expired";

    /** Whether the status is final (section 3.02): no callback follows it. */
    boolean isFinal() {
        return !OPEN.equals(status) && !IN_PROGRESS.equals(status);
    }
}
