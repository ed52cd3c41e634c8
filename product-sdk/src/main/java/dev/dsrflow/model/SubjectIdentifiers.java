package dev.dsrflow.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The identifiers a data subject is known by. Personal data: never log, never put in ids,
 * search attributes or URLs; derive a subject key instead.
 */
public record SubjectIdentifiers(String userId, String email, String phone) {

    /** Whether at least one identifier is present. */
    @JsonIgnore
    public boolean isEmpty() {
        return blank(userId) && blank(email) && blank(phone);
    }

    /** The identifiers in normalized form, each prefixed with its kind, strongest first. */
    @JsonIgnore
    public List<String> normalized() {
        List<String> out = new ArrayList<>(3);
        if (!blank(userId)) {
            out.add("user:" + userId.trim());
        }
        if (!blank(email)) {
            out.add("email:" + email.trim().toLowerCase(Locale.ROOT));
        }
        if (!blank(phone)) {
            out.add("phone:" + phone.replaceAll("[^0-9+]", ""));
        }
        return out;
    }

    @Override
    public String toString() {
        return "SubjectIdentifiers[redacted]";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
