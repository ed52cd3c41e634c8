package dev.dsrflow.api.requests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The record-keeping export: one CSV row per request (RFC 4180), the same rows as the JSON list.
 * The download columns follow the view: {@code downloadUrl} is empty unless the reader is
 * PRIVACY_OPS.
 */
final class CsvExport {
    static final String MEDIA_TYPE = "text/csv";
    private static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            .setHeader(
                    "id",
                    "type",
                    "status",
                    "jurisdiction",
                    "subjectKey",
                    "receivedAt",
                    "dueAt",
                    "overdue",
                    "extended",
                    "requestedBy",
                    "approvedBy",
                    "graceEndsAt",
                    "holdExpiresAt",
                    "completedAt",
                    "downloadUrl",
                    "downloadExpiresAt",
                    "downloadSha256",
                    "downloadBytes")
            .get();

    /** A cell starting with one of these is a formula (or a hidden one) in a spreadsheet. */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvExport() {}

    static String of(List<RequestView> rows) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            for (RequestView r : rows) {
                printer.printRecord(row(r));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static List<String> row(RequestView r) {
        RequestView.Download download = r.download();
        List<String> cells = new ArrayList<>();
        cells.add(r.id());
        cells.add(r.type().name());
        cells.add(r.status().name());
        cells.add(r.jurisdiction().name());
        cells.add(r.subjectKey());
        cells.add(text(r.receivedAt()));
        cells.add(text(r.dueAt()));
        cells.add(Boolean.toString(r.overdue()));
        cells.add(Boolean.toString(r.extended()));
        cells.add(r.requestedBy());
        cells.add(r.approvedBy());
        cells.add(text(r.graceEndsAt()));
        cells.add(text(r.holdExpiresAt()));
        cells.add(text(r.completedAt()));
        cells.add(download == null ? null : download.url());
        cells.add(download == null ? null : text(download.expiresAt()));
        cells.add(download == null ? null : download.sha256());
        cells.add(download == null ? null : Long.toString(download.bytes()));
        return cells.stream().map(CsvExport::neutralised).toList();
    }

    private static String text(Instant value) {
        return value == null ? null : value.toString();
    }

    /** A leading formula character is neutralised with an apostrophe, so spreadsheets show text. */
    static String neutralised(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
