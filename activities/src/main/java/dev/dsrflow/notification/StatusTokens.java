package dev.dsrflow.notification;

/**
 * The token of a subject's status page ({@code GET /v1/subject-requests/{id}?token=}): an HMAC of
 * the request id, sent in the acknowledgement, so only the person who received it reads the page.
 */
public final class StatusTokens {
    private final KeyedHash hmac;

    public StatusTokens(byte[] secret) {
        this.hmac = new KeyedHash(secret, "dsrflow-status-page");
    }

    public String issue(String requestId) {
        return hmac.of(requestId);
    }

    /** Whether {@code token} is the status token of {@code requestId} (constant time). */
    public boolean valid(String requestId, String token) {
        return KeyedHash.same(issue(requestId), token);
    }
}
