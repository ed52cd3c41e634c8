package dev.dsrflow.console;

import java.util.List;

/**
 * The auditor's page: one request's history with its verification and signed head, its deletion
 * certificate checked in place, a pasted certificate's check, and recent completed deletions to
 * choose from.
 */
public record EvidencePage(
        RequestSummary request,
        RequestPage.Timeline timeline,
        RequestPage.CertificateStatus certificate,
        String certificateJson,
        RequestPage.CertificateStatus pasted,
        List<RequestSummary> recent,
        String error) {}
