package dev.dsrflow.demo;

import dev.dsrflow.model.DateRange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;

/**
 * The rows of one subject's accounts inside a date range, as a SQL condition with its
 * parameters: {@value #CONDITION}.
 */
record SubjectScope(String[] accounts, DateRange dateRange) {
    static final String CONDITION = "account_id = any(?) and created_at >= coalesce(?, '-infinity'::timestamptz)"
            + " and created_at < coalesce(?, 'infinity'::timestamptz)";

    boolean isEmpty() {
        return accounts.length == 0;
    }

    /** Binds the condition's three parameters from {@code index}; returns the next index. */
    int bind(Connection c, PreparedStatement ps, int index) throws SQLException {
        ps.setArray(index, c.createArrayOf("text", accounts));
        setInstant(ps, index + 1, dateRange.from());
        setInstant(ps, index + 2, dateRange.to());
        return index + 3;
    }

    private static void setInstant(PreparedStatement ps, int index, java.time.Instant at) throws SQLException {
        if (at == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, at.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }
}
