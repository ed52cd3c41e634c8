package dev.dsrflow.report;

/** Where a request's access report is kept in the blob store: one JSON and one HTML file per request. */
public final class ReportKeys {
    private ReportKeys() {}

    /** Blob key of a request's JSON report. */
    public static String json(String requestId) {
        return "reports/" + requestId + ".json";
    }

    /** Blob key of a request's HTML report. */
    public static String html(String requestId) {
        return "reports/" + requestId + ".html";
    }
}
