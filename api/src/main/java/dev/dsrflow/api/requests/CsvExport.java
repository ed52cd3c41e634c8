package dev.dsrflow.api.requests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
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

    /**
     * Every row as the client reads it: rows are formatted a batch at a time from the ledger's
     * cursor, so memory stays bounded whatever the export's size. Closing the stream (or reaching
     * its end) closes the rows.
     */
    static InputStream stream(LedgerQueries.Rows rows, UnaryOperator<RequestView> shown) {
        return new Streamed(rows, shown);
    }

    private static final class Streamed extends InputStream {
        private static final int ROWS_PER_CHUNK = 500;
        private final LedgerQueries.Rows rows;
        private final UnaryOperator<RequestView> shown;
        private byte[] chunk = new byte[0];
        private int position;
        private boolean started;
        private boolean closed;

        Streamed(LedgerQueries.Rows rows, UnaryOperator<RequestView> shown) {
            this.rows = rows;
            this.shown = shown;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (position == chunk.length) {
                if (closed || (started && !more())) {
                    close();
                    return -1;
                }
                chunk = next();
                position = 0;
            }
            int n = Math.min(length, chunk.length - position);
            System.arraycopy(chunk, position, into, offset, n);
            position += n;
            return n;
        }

        /** The next batch of rows as CSV, the header before the first. */
        private byte[] next() throws IOException {
            StringBuilder out = new StringBuilder();
            CSVFormat format =
                    started ? FORMAT.builder().setSkipHeaderRecord(true).get() : FORMAT;
            started = true;
            try (CSVPrinter printer = new CSVPrinter(out, format)) {
                for (int i = 0; i < ROWS_PER_CHUNK && rows.hasNext(); i++) {
                    printer.printRecord(row(shown.apply(rows.next())));
                }
            } catch (RuntimeException e) {
                close();
                throw new IOException("the ledger stopped answering during the export", e);
            }
            return out.toString().getBytes(StandardCharsets.UTF_8);
        }

        private boolean more() throws IOException {
            try {
                return rows.hasNext();
            } catch (RuntimeException e) {
                close();
                throw new IOException("the ledger stopped answering during the export", e);
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                rows.close();
            }
        }
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
