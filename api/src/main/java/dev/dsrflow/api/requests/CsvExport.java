package dev.dsrflow.api.requests;

import java.time.Instant;
import java.util.List;

/** The record-keeping export: one CSV row per request, the same rows as the JSON list. */
final class CsvExport {
    static final String MEDIA_TYPE = "text/csv";
    private static final String HEADER = "id,type,status,jurisdiction,subjectKey,receivedAt,dueAt,overdue,extended,"
            + "requestedBy,approvedBy,graceEndsAt,holdExpiresAt,completedAt";

    private CsvExport() {}

    static String of(List<RequestView> rows) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (RequestView r : rows) {
            out.append(String.join(
                            ",",
                            cell(r.id()),
                            cell(r.type().name()),
                            cell(r.status().name()),
                            cell(r.jurisdiction().name()),
                            cell(r.subjectKey()),
                            cell(r.receivedAt()),
                            cell(r.dueAt()),
                            cell(Boolean.toString(r.overdue())),
                            cell(Boolean.toString(r.extended())),
                            cell(r.requestedBy()),
                            cell(r.approvedBy()),
                            cell(r.graceEndsAt()),
                            cell(r.holdExpiresAt()),
                            cell(r.completedAt())))
                    .append("\r\n");
        }
        return out.toString();
    }

    private static String cell(Instant value) {
        return value == null ? "" : value.toString();
    }

    /** RFC 4180 quoting; a leading formula character is neutralised so spreadsheets show text. */
    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
