package dev.dsrflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsrflow.catalogue.InformationCategory;
import dev.dsrflow.model.ExportFormat;
import dev.dsrflow.product.ExportedFile;
import dev.dsrflow.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** An export file reads back as the rows it was given, with the digest and size of its bytes. */
class CategoryFileTest {
    private static final DataSource DB = TestDatabase.fresh();
    private static final String ROWS = "select * from (values"
            + " ('quote \" back\\slash' || chr(10) || 'tab' || chr(9) || chr(1), 3::bigint, true),"
            + " ('<b>bold</b> & ''x''', null::bigint, false)) as t(note, likes, restricted)";

    private static ExportedFile write(ExportFormat format, ByteArrayOutputStream out) throws Exception {
        try (Connection c = DB.getConnection();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery(ROWS);
                CategoryFile file = new CategoryFile(out, "messaging", InformationCategory.MESSAGES, format)) {
            while (rows.next()) {
                file.item(rows);
            }
            return file.finish();
        }
    }

    @Test
    void aJsonFileReadsBackAsItsRowsWithoutHiddenColumns() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportedFile described = write(ExportFormat.JSON, out);
        JsonNode file = new ObjectMapper().readTree(out.toByteArray());
        assertThat(file.path("product").asText()).isEqualTo("messaging");
        assertThat(file.path("category").asText()).isEqualTo("MESSAGES");
        JsonNode items = file.path("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).path("note").asText()).isEqualTo("quote \" back\\slash\ntab\t\u0001");
        assertThat(items.get(0).path("likes").isNumber()).isTrue();
        assertThat(items.get(0).path("likes").asLong()).isEqualTo(3);
        assertThat(items.get(1).path("likes").isNull()).isTrue();
        assertThat(items.get(0).has("restricted")).isFalse();
        assertThat(described.items()).isEqualTo(2);
        assertThat(described.bytes()).isEqualTo(out.size());
        assertThat(described.sha256())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray())));
    }

    @Test
    void anHtmlFileShowsMarkupAsText() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(ExportFormat.HTML, out);
        String page = out.toString(StandardCharsets.UTF_8);
        assertThat(page).doesNotContain("<b>").contains("&lt;b&gt;bold&lt;/b&gt; &amp;");
        assertThat(page).doesNotContain("restricted");
    }
}
