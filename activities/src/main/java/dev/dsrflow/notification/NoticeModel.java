package dev.dsrflow.notification;

import java.util.List;

/**
 * What a notice template shows, all text already decided (no identifier but the request id).
 *
 * @param kind the notice's kind
 * @param requestType "access", "download" or "deletion" (lower case, for sentences)
 * @param requestId the request
 * @param code the verification code (VERIFICATION_CODE only)
 * @param codeMinutes how long the code is good for
 * @param dueDate the due date, as a date (UTC)
 * @param reason the extension's or the rejection's reason
 * @param statusUrl the subject's status page, with its token
 * @param downloadUrl a download's link
 * @param linkExpires when the link expires (UTC)
 * @param kept what a deletion kept and why
 * @param authority where to complain (GDPR: the lead supervisory authority)
 * @param authorityUrl the authority's web address
 */
public record NoticeModel(
        NoticeKind kind,
        String requestType,
        String requestId,
        String code,
        long codeMinutes,
        String dueDate,
        String reason,
        String statusUrl,
        String downloadUrl,
        String linkExpires,
        List<String> kept,
        String authority,
        String authorityUrl) {
    @Override
    public String toString() {
        return "NoticeModel[" + kind + " " + requestId + "]";
    }
}
