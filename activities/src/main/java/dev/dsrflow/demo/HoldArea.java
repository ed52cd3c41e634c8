package dev.dsrflow.demo;

import dev.dsrflow.product.PreservationReceipt;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * A demo product's hold area ({@code held_items}): preserved copies keyed by hold id, out of
 * erase's reach. Preserving twice under one hold adds nothing; releasing drops the hold's copy.
 */
final class HoldArea {
    private final Connection c;
    private final String schema;

    HoldArea(Connection c, String schema) {
        this.c = c;
        this.schema = schema;
    }

    PreservationReceipt preserve(SubjectScope rows, List<ItemTable> tables, String subjectKey, String holdId)
            throws SQLException {
        if (!rows.isEmpty()) {
            for (ItemTable t : tables) {
                String sql = "insert into " + schema + ".held_items"
                        + " (hold_id, subject_key, source_table, item_id, category, created_at, content)"
                        + " select ?, ?, ?, id, ?, created_at, to_jsonb(t) - 'restricted' from " + schema + "."
                        + t.name() + " t"
                        + " where " + SubjectScope.CONDITION + " on conflict do nothing";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, holdId);
                    ps.setString(2, subjectKey);
                    ps.setString(3, t.name());
                    ps.setString(4, t.category().name());
                    rows.bind(c, ps, 5);
                    ps.executeUpdate();
                }
            }
        }
        String digest = "select count(*), encode(sha256(convert_to(coalesce(string_agg(content::text, E'\\n'"
                + " order by source_table, item_id), ''), 'UTF8')), 'hex') from " + schema
                + ".held_items where hold_id = ?";
        try (PreparedStatement ps = c.prepareStatement(digest)) {
            ps.setString(1, holdId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new PreservationReceipt(
                        holdId, rs.getLong(1), rs.getString(2), alreadyErased(subjectKey, tables));
            }
        }
    }

    long release(String holdId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from " + schema + ".held_items where hold_id = ?")) {
            ps.setString(1, holdId);
            return ps.executeUpdate();
        }
    }

    private long alreadyErased(String subjectKey, List<ItemTable> tables) throws SQLException {
        String sql = "select coalesce(sum(items), 0) from " + schema
                + ".erasure_log where subject_key = ? and category = any(?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, subjectKey);
            ps.setArray(
                    2,
                    c.createArrayOf(
                            "text",
                            tables.stream()
                                    .map(t -> t.category().name())
                                    .distinct()
                                    .toArray()));
            return DemoProductHandler.single(ps);
        }
    }
}
