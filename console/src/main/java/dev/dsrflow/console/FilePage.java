package dev.dsrflow.console;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The filing form: what was typed (kept when the API refuses it), the API's field errors shown
 * next to their fields, and errors that name no field of the form.
 */
public record FilePage(
        Form form, Map<String, String> errors, List<String> general, List<String> products, List<String> types) {

    /** The form's values, as typed. */
    public record Form(
            String type,
            String jurisdiction,
            String userId,
            String email,
            String phone,
            Set<String> products,
            String format,
            String kind,
            String reference,
            String authority,
            String expiresAt,
            String note,
            String idempotencyKey) {}

    public static final List<String> KINDS =
            List.of("PRESERVATION_LETTER", "SUBPOENA", "COURT_ORDER", "SEARCH_WARRANT", "LITIGATION_HOLD");

    /** The API's message for this field, or null. */
    public String error(String field) {
        return errors.get(field);
    }

    /** The id of the field's error message, for aria-describedby; null when the field has none. */
    public String errorId(String field) {
        return errors.containsKey(field) ? "err-" + field.replace('.', '-') : null;
    }

    public boolean invalid(String field) {
        return errors.containsKey(field);
    }
}
