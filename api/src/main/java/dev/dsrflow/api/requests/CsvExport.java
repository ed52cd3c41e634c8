package dev.dsrflow.api.requests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/** The record-keeping export: one CSV row per request, the same rows as the JSON list. */
final class CsvExport {
    static final String MEDIA_TYPE = "text/csv";
    private static final String HEADER = "id,type,status,jurisdiction,subjectKey,receivedAt,dueAt,overdue,extended,"
            + "requestedBy,approvedBy,graceEndsAt,holdExpiresAt,completedAt";

    private CsvExport() {}

    static String of(List<RequestView> rows) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        rows.forEach(r -> out.append(line(r)));
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

    private static String line(RequestView r) {
        return String.join(
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
                        cell(r.completedAt()))
                + "\r\n";
    }

    private static final class Streamed extends InputStream {
        private static final int ROWS_PER_CHUNK = 500;
        private final LedgerQueries.Rows rows;
        private final UnaryOperator<RequestView> shown;
        private byte[] chunk = (HEADER + "\r\n").getBytes(StandardCharsets.UTF_8);
        private int position;
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
                if (closed || !more()) {
                    close();
                    return -1;
                }
                StringBuilder out = new StringBuilder();
                try {
                    for (int i = 0; i < ROWS_PER_CHUNK && rows.hasNext(); i++) {
                        out.append(line(shown.apply(rows.next())));
                    }
                } catch (RuntimeException e) {
                    close();
                    throw new IOException("the ledger stopped answering during the export", e);
                }
                chunk = out.toString().getBytes(StandardCharsets.UTF_8);
                position = 0;
            }
            int n = Math.min(length, chunk.length - position);
            System.arraycopy(chunk, position, into, offset, n);
            position += n;
            return n;
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
