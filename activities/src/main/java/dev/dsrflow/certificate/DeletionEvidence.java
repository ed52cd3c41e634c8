package dev.dsrflow.certificate;

import java.time.Instant;
import java.util.List;

/**
 * What a deletion certificate attests. Holds the subject key, never identifiers.
 *
 * @param requestId the deletion request
 * @param subjectKey pseudonymous key of the subject
 * @param jurisdiction the regime the request was handled under
 * @param receivedAt when the request was received
 * @param requestedBy who filed it
 * @param approvedBy who approved it (four eyes)
 * @param erasureStartedAt when erasure began (after the grace period)
 * @param completedAt when the last product settled
 * @param orchestratorVersion version of the workflow code that ran the deletion
 * @param products per product evidence
 */
public record DeletionEvidence(
        String requestId,
        String subjectKey,
        String jurisdiction,
        Instant receivedAt,
        String requestedBy,
        String approvedBy,
        Instant erasureStartedAt,
        Instant completedAt,
        String orchestratorVersion,
        List<ProductEvidence> products) {}
