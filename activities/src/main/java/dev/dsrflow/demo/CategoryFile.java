package dev.dsrflow.demo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
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
import org.owasp.encoder.Encode;

/**
 * One export file holding a category's items, as JSON (written by Jackson) or as a
 * self-contained HTML page (text encoded by the OWASP encoder), with its SHA-256, size and item
 * count measured while it is written.
 */
final class CategoryFile implements AutoCloseable {
    private static final String HIDDEN_COLUMN = "restricted";
    private static final JsonFactory JSON =
            JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private final String path;
    private final ExportFormat format;
    private final MessageDigest sha256;
    private final CountingStream counter;
    private final Writer out;
    private final JsonGenerator json;
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
            this.json = null;
            out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + html(product) + ": "
                    + html(category.description()) + "</title></head>\n<body><h1>" + html(category.description())
                    + "</h1>\n"
                    + "<p>Product: " + html(product) + "</p>\n");
        } else {
            this.json = JSON.createGenerator(out);
            json.writeStartObject();
            json.writeStringField("product", product);
            json.writeStringField("category", category.name());
            json.writeStringField("description", category.description());
            json.writeArrayFieldStart("items");
        }
    }

    /** The file's path inside the product folder, e.g. {@code messages.json}. */
    static String pathOf(InformationCategory category, ExportFormat format) {
        return category.name().toLowerCase(Locale.ROOT) + (format == ExportFormat.HTML ? ".html" : ".json");
    }

    /** Writes the current row of {@code rows} as one item. */
    void item(ResultSet rows) throws SQLException, IOException {
        ResultSetMetaData meta = rows.getMetaData();
        if (json != null) {
            jsonItem(rows, meta);
        } else {
            htmlItem(rows, meta);
        }
        items++;
    }

    private void htmlItem(ResultSet rows, ResultSetMetaData meta) throws SQLException, IOException {
        StringBuilder table = new StringBuilder("<table>\n");
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            if (!HIDDEN_COLUMN.equals(meta.getColumnName(i))) {
                table.append("<tr><th>")
                        .append(html(meta.getColumnName(i)))
                        .append("</th><td>")
                        .append(html(text(rows, i, meta.getColumnType(i))))
                        .append("</td></tr>\n");
            }
        }
        out.write(table.append("</table>\n").toString());
    }

    private void jsonItem(ResultSet rows, ResultSetMetaData meta) throws SQLException, IOException {
        json.writeStartObject();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String name = meta.getColumnName(i);
            if (HIDDEN_COLUMN.equals(name)) {
                continue;
            }
            int type = meta.getColumnType(i);
            if (type == Types.BIGINT || type == Types.INTEGER) {
                long number = rows.getLong(i);
                if (rows.wasNull()) {
                    json.writeNullField(name);
                } else {
                    json.writeNumberField(name, number);
                }
            } else {
                json.writeStringField(name, text(rows, i, type));
            }
        }
        json.writeEndObject();
    }

    /** Finishes the file and describes it. */
    ExportedFile finish() throws IOException {
        if (json != null) {
            json.writeEndArray();
            json.writeEndObject();
            json.flush();
            out.write("\n");
        } else {
            out.write("<p>" + items + " items</p>\n</body></html>\n");
        }
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

    static String html(String s) {
        return s == null ? "" : Encode.forHtml(s);
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
