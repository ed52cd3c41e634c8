package dev.dsrflow.demo;

import dev.dsrflow.model.IdentifierNormalizer;
import dev.dsrflow.model.SubjectIdentifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Finds a subject's accounts in a demo product by any identifier: user id, email or phone. */
final class Accounts {
    private static final IdentifierNormalizer IDENTIFIERS = new IdentifierNormalizer();

    private final String schema;

    Accounts(String schema) {
        this.schema = schema;
    }

    /** Account ids matching any identifier; empty for an unknown subject. */
    String[] find(Connection c, SubjectIdentifiers who) throws SQLException {
        String sql = "select account_id from " + schema + ".accounts where account_id = ? or email = ? or phone = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, trimmed(who.userId()));
            ps.setString(2, IDENTIFIERS.email(who.email()));
            ps.setString(3, normalizedPhone(who.phone()));
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids.toArray(String[]::new);
        }
    }

    /** The identifiers of every account matching any identifier; empty for an unknown subject. */
    List<SubjectIdentifiers> identities(Connection c, SubjectIdentifiers who) throws SQLException {
        String sql = "select account_id, email, phone from " + schema + ".accounts where account_id = any(?)"
                + " order by account_id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", find(c, who)));
            List<SubjectIdentifiers> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new SubjectIdentifiers(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return found;
        }
    }

    /** Adds (or keeps) an account with these identifiers; returns its id. */
    String ensure(Connection c, SubjectIdentifiers who) throws SQLException {
        String sql = "insert into " + schema + ".accounts (account_id, email, phone) values (?, ?, ?)"
                + " on conflict (account_id) do nothing";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, trimmed(who.userId()));
            ps.setString(2, IDENTIFIERS.email(who.email()));
            ps.setString(3, normalizedPhone(who.phone()));
            ps.executeUpdate();
        }
        return trimmed(who.userId());
    }

    /** The phone number in E.164 (national numbers read in the default region), or its digits when it is none. */
    static String normalizedPhone(String phone) {
        return phone == null || phone.isBlank()
                ? null
                : IDENTIFIERS.e164(phone).orElseGet(() -> phone.replaceAll("[^0-9+]", ""));
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
