package dev.dsrflow.notification;

import java.time.Instant;

/**
 * Something people should hear about a request: it finished, a package is ready. Carries the
 * subject key, never identifiers; a delivery channel that must reach the subject resolves the
 * address itself.
 *
 * @param id deterministic id ({@code <requestId>:<kind>}): a retried send is delivered once
 * @param requestId the request
 * @param requestType ACCESS, DOWNLOAD, DELETION or PRESERVATION
 * @param kind what happened (COMPLETED, PACKAGE_READY, CANCELLED, ...)
 * @param status the request's status after it
 * @param subjectKey pseudonymous key of the subject
 * @param at when it happened
 * @param detail summary without identifiers
 * @param linkToken download link token (PACKAGE_READY only)
 */
public record Notice(
        String id,
        String requestId,
        String requestType,
        String kind,
        String status,
        String subjectKey,
        Instant at,
        String detail,
        String linkToken) {

    /** This notice without its link token (the link expired). */
    public Notice withoutLinkToken() {
        return new Notice(id, requestId, requestType, kind, status, subjectKey, at, detail, null);
    }
}
