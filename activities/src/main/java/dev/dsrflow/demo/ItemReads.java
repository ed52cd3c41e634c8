package dev.dsrflow.demo;

import dev.dsrflow.catalogue.InformationCategory;
import dev.dsrflow.model.ExportFormat;
import dev.dsrflow.product.CategoryCount;
import dev.dsrflow.product.ExportSink;
import dev.dsrflow.product.ExportedFile;
import dev.dsrflow.product.Inventory;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The reads a request makes of a demo product: counting a subject's items and exporting them. */
final class ItemReads {
    private final DemoProduct product;
    private final String schema;

    ItemReads(DemoProduct product) {
        this.product = product;
        this.schema = product.schema();
    }

    /** Writes one category's items in scope as one file into the sink. */
    ExportedFile export(
            Connection c, SubjectScope rows, InformationCategory category, ExportFormat format, ExportSink sink)
            throws SQLException {
        try (OutputStream target = sink.open(CategoryFile.pathOf(category, format));
                CategoryFile file = new CategoryFile(target, product.id(), category, format)) {
            for (ItemTable t : product.tables()) {
                if (t.category() != category) {
                    continue;
                }
                String sql = "select * from " + schema + "." + t.name() + " where " + SubjectScope.CONDITION
                        + " order by created_at, id";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    rows.bind(c, ps, 1);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            file.item(rs);
                        }
                    }
                }
            }
            return file.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write export file of " + product.id(), e);
        }
    }

    /** Counts the items in scope per category, with their time span; categories with none are left out. */
    Inventory count(Connection c, SubjectScope rows, List<ItemTable> tables) throws SQLException {
        if (rows.isEmpty()) {
            return new Inventory(List.of());
        }
        Map<InformationCategory, CategoryCount> counts = new EnumMap<>(InformationCategory.class);
        for (ItemTable t : tables) {
            String sql = "select count(*), min(created_at), max(created_at) from " + schema + "." + t.name() + " where "
                    + SubjectScope.CONDITION;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                rows.bind(c, ps, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        CategoryCount found = new CategoryCount(
                                t.category(),
                                rs.getLong(1),
                                rs.getObject(2, OffsetDateTime.class).toInstant(),
                                rs.getObject(3, OffsetDateTime.class).toInstant());
                        counts.merge(t.category(), found, ItemReads::combine);
                    }
                }
            }
        }
        return new Inventory(new ArrayList<>(counts.values()));
    }

    private static CategoryCount combine(CategoryCount a, CategoryCount b) {
        return new CategoryCount(
                a.category(),
                a.items() + b.items(),
                a.earliest().isBefore(b.earliest()) ? a.earliest() : b.earliest(),
                a.latest().isAfter(b.latest()) ? a.latest() : b.latest());
    }
}
