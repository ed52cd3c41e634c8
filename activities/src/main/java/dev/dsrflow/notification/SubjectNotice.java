package dev.dsrflow.notification;

import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.RequestType;
import java.time.Instant;
import java.util.List;

/**
 * One notice to a request's data subject. Carries no address: the notice activity opens the
 * request's sealed contact from the ledger, and only there.
 *
 * @param requestId the request
 * @param kind what it tells
 * @param seq the workflow's count of notices of this kind (1, 2, ...): with the request id and
 *     the kind, the notice's idempotency key
 * @param requestType the request's type
 * @param jurisdiction the law the request runs under (picks the template set)
 * @param dueAt the due date (acknowledgement, extension)
 * @param reason the extension's or the rejection's reason
 * @param linkToken a download's link token
 * @param linkExpiresAt when a download link or a code expires
 * @param kept what a deletion kept and why (one line per product)
 */
public record SubjectNotice(
        String requestId,
        NoticeKind kind,
        int seq,
        RequestType requestType,
        Jurisdiction jurisdiction,
        Instant dueAt,
        String reason,
        String linkToken,
        Instant linkExpiresAt,
        List<String> kept) {

    /** {@code <requestId>:<kind>:<seq>}: a retried send delivers it once. */
    public String id() {
        return requestId + ":" + kind + ":" + seq;
    }
}
