package dev.dsrflow.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The identifiers a data subject is known by. Personal data: never log, never put in ids,
 * search attributes or URLs; derive a subject key instead (dsrflow normalises them first:
 * {@code IdentifierNormalizer}).
 */
public record SubjectIdentifiers(String userId, String email, String phone) {

    /** Whether at least one identifier is present. */
    @JsonIgnore
    public boolean isEmpty() {
        return blank(userId) && blank(email) && blank(phone);
    }

    @Override
    public String toString() {
        return "SubjectIdentifiers[redacted]";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
