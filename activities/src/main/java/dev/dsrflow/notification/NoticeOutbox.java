package dev.dsrflow.notification;

import dev.dsrflow.ledger.LedgerSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The outbox of notices to data subjects (table {@code subject_notices}): an attempt claims a
 * notice before it mails it and marks it sent after, so a retried activity sends nothing twice.
 * A claim lapses after {@link #LEASE}: an attempt that died mid-send is taken over then.
 */
public class NoticeOutbox {
    /** How long a claim keeps other attempts off a notice. */
    public static final Duration LEASE = Duration.ofMinutes(2);

    private static final String T = LedgerSchema.SCHEMA + ".subject_notices";

    private final DataSource dataSource;

    public NoticeOutbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * What a claim found: the notice was sent already (with the code hash it recorded), or this
     * attempt may send it now.
     */
    public record Claim(boolean alreadySent, String codeHash) {}

    /** Claims the notice for this attempt; throws while another live attempt holds it (retried later). */
    public Claim claim(String noticeId, String requestId, String kind) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("insert into " + T
                        + " as n (notice_id, request_id, kind, claimed_until) values (?,?,?, now() + ?::interval)"
                        + " on conflict (notice_id) do update set claimed_until = excluded.claimed_until,"
                        + " attempts = n.attempts + 1 where n.sent_at is null and n.claimed_until < now()"
                        + " returning sent_at is not null, code_hash")) {
            ps.setString(1, noticeId);
            ps.setString(2, requestId);
            ps.setString(3, kind);
            ps.setString(4, LEASE.toSeconds() + " seconds");
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return new Claim(false, null);
                }
            }
            return sentOrBusy(c, noticeId);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot claim a notice in the outbox", e);
        }
    }

    private static Claim sentOrBusy(Connection c, String noticeId) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("select sent_at is not null, code_hash from " + T + " where notice_id=?")) {
            ps.setString(1, noticeId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getBoolean(1)) {
                    return new Claim(true, rs.getString(2));
                }
            }
        }
        throw new IllegalStateException("notice " + noticeId + " is being sent by another attempt");
    }

    /** Records that the notice left (with the keyed hash of its code, if it carried one). */
    public void markSent(String noticeId, String codeHash) {
        update("update " + T + " set sent_at = now(), code_hash = ? where notice_id = ?", codeHash, noticeId);
    }

    /** Gives a claim up after a failed send, so the retry may send at once. */
    public void release(String noticeId) {
        update("update " + T + " set claimed_until = now() where notice_id = ? and sent_at is null", noticeId);
    }

    private void update(String sql, String... parameters) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update the notice outbox", e);
        }
    }
}
