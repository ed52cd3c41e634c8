package dev.dsrflow.demo;

import dev.dsrflow.catalogue.InformationCategory;
import dev.dsrflow.product.Progress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Deletes a subject's items table by table in chunks of ascending id, one transaction per
 * chunk that also logs the chunk in {@code erasure_log} under the run, then checkpoints. Rows are
 * locked in id order, so two erasures of the same subject neither deadlock nor count a row
 * twice.
 */
final class ChunkedErasure {
    private final Connection c;
    private final String schema;
    private final List<ItemTable> tables;
    private final SubjectScope rows;
    private final String subjectKey;
    private final int chunk;
    private final Clock clock;

    ChunkedErasure(
            Connection c,
            String schema,
            List<ItemTable> tables,
            SubjectScope rows,
            String subjectKey,
            int chunk,
            Clock clock) {
        this.c = c;
        this.schema = schema;
        this.tables = tables;
        this.rows = rows;
        this.subjectKey = subjectKey;
        this.chunk = chunk;
        this.clock = clock;
    }

    /**
     * Erases from {@code cursor} to the end, checkpointing after every chunk with the number of
     * items the run has erased so far (its earlier attempts included, from the erasure log).
     */
    void run(ErasureCursor cursor, Progress progress) throws SQLException {
        ErasureCursor at = cursor;
        long erased = erasedBy(c, schema, cursor.run()).values().stream()
                .mapToLong(Long::longValue)
                .sum();
        for (; at.table() < tables.size(); at = at.nextTable()) {
            ItemTable table = tables.get(at.table());
            while (true) {
                Chunk chunk = deleteChunk(table, at);
                if (chunk == null) {
                    break;
                }
                at = chunk.next();
                erased += chunk.deleted();
                progress.checkpoint(at.text(), erased);
            }
        }
    }

    /** What every attempt of the run erased, per category (from the erasure log). */
    static Map<InformationCategory, Long> erasedBy(Connection c, String schema, String run) throws SQLException {
        String sql = "select category, sum(items) from " + schema + ".erasure_log where run_id = ? group by category";
        Map<InformationCategory, Long> erased = new EnumMap<>(InformationCategory.class);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, run);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    erased.put(InformationCategory.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
        }
        return erased;
    }

    /** One deleted chunk: where the next one starts and how many items it deleted. */
    private record Chunk(ErasureCursor next, long deleted) {}

    /** Deletes the next chunk; null when the table has nothing left after the cursor. */
    private Chunk deleteChunk(ItemTable table, ErasureCursor at) throws SQLException {
        String t = schema + "." + table.name();
        String sql = "with batch as (select id from " + t + " where " + SubjectScope.CONDITION
                + " and id > ? order by id limit ? for update),"
                + " gone as (delete from " + t + " where id in (select id from batch) returning id)"
                + " select (select max(id) from batch), (select count(*) from gone)";
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = rows.bind(c, ps, 1);
            ps.setLong(i, at.afterId());
            ps.setInt(i + 1, chunk);
            long lastId;
            long deleted;
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                lastId = rs.getLong(1);
                if (rs.wasNull()) {
                    c.commit();
                    return null;
                }
                deleted = rs.getLong(2);
            }
            if (deleted > 0) {
                log(at.run(), table, deleted);
            }
            c.commit();
            return new Chunk(at.after(lastId), deleted);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private void log(String run, ItemTable table, long deleted) throws SQLException {
        String sql = "insert into " + schema + ".erasure_log (run_id, subject_key, category, items, erased_at)"
                + " values (?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, run);
            ps.setString(2, subjectKey);
            ps.setString(3, table.category().name());
            ps.setLong(4, deleted);
            ps.setObject(5, clock.instant().atOffset(ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }
}
