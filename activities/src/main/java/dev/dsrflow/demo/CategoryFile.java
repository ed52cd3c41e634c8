package dev.dsrflow.demo;

import dev.dsrflow.catalogue.InformationCategory;
import dev.dsrflow.model.ExportFormat;
import dev.dsrflow.product.ExportedFile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One export file holding a category's items, as JSON or as a self-contained HTML page, with
 * its SHA-256, size and item count measured while it is written.
 */
final class CategoryFile implements AutoCloseable {
    private static final String HIDDEN_COLUMN = "restricted";

    private final String path;
    private final ExportFormat format;
    private final MessageDigest sha256;
    private final CountingStream counter;
    private final Writer out;
    private long items;

    CategoryFile(OutputStream target, String product, InformationCategory category, ExportFormat format)
            throws IOException {
        this.path = pathOf(category, format);
        this.format = format;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        this.counter = new CountingStream(new DigestOutputStream(target, sha256));
        this.out = new OutputStreamWriter(counter, StandardCharsets.UTF_8);
        if (format == ExportFormat.HTML) {
            out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + html(product) + ": "
                    + html(category.description()) + "</title></head>\n<body><h1>" + html(category.description())
                    + "</h1>\n"
                    + "<p>Product: " + html(product) + "</p>\n");
        } else {
            out.write("{\"product\":" + json(product) + ",\"category\":" + json(category.name()) + ",\"description\":"
                    + json(category.description()) + ",\"items\":[");
        }
    }

    /** The file's path inside the product folder, e.g. {@code messages.json}. */
    static String pathOf(InformationCategory category, ExportFormat format) {
        return category.name().toLowerCase(Locale.ROOT) + (format == ExportFormat.HTML ? ".html" : ".json");
    }

    /** Writes the current row of {@code rows} as one item. */
    void item(ResultSet rows) throws SQLException, IOException {
        ResultSetMetaData meta = rows.getMetaData();
        StringBuilder line = new StringBuilder();
        if (format == ExportFormat.HTML) {
            line.append("<table>\n");
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                if (!HIDDEN_COLUMN.equals(meta.getColumnName(i))) {
                    line.append("<tr><th>")
                            .append(html(meta.getColumnName(i)))
                            .append("</th><td>")
                            .append(html(text(rows, i, meta.getColumnType(i))))
                            .append("</td></tr>\n");
                }
            }
            line.append("</table>\n");
        } else {
            line.append(items == 0 ? "\n{" : ",\n{");
            boolean first = true;
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                if (HIDDEN_COLUMN.equals(meta.getColumnName(i))) {
                    continue;
                }
                line.append(first ? "" : ",")
                        .append(json(meta.getColumnName(i)))
                        .append(':');
                String value = text(rows, i, meta.getColumnType(i));
                boolean number = meta.getColumnType(i) == Types.BIGINT || meta.getColumnType(i) == Types.INTEGER;
                line.append(value == null ? "null" : number ? value : json(value));
                first = false;
            }
            line.append('}');
        }
        out.write(line.toString());
        items++;
    }

    /** Finishes the file and describes it. */
    ExportedFile finish() throws IOException {
        out.write(format == ExportFormat.HTML ? "<p>" + items + " items</p>\n</body></html>\n" : "\n]}\n");
        out.flush();
        return new ExportedFile(path, counter.count, HexFormat.of().formatHex(sha256.digest()), items);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private static String text(ResultSet rows, int column, int type) throws SQLException {
        if (type == Types.TIMESTAMP_WITH_TIMEZONE || type == Types.TIMESTAMP) {
            OffsetDateTime at = rows.getObject(column, OffsetDateTime.class);
            return at == null ? null : at.toInstant().toString();
        }
        return rows.getString(column);
    }

    static String json(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    static String html(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /** Counts the bytes that pass through. */
    private static final class CountingStream extends java.io.FilterOutputStream {
        private long count;

        CountingStream(OutputStream target) {
            super(target);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
