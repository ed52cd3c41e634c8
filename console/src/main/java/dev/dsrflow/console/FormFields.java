package dev.dsrflow.console;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An application/x-www-form-urlencoded body read in full, so that a field sent several times
 * (ticked checkboxes) keeps every value; Micronaut's parameter binding keeps only one.
 */
final class FormFields {
    private final Map<String, List<String>> fields = new LinkedHashMap<>();

    FormFields(String body) {
        if (body == null) {
            return;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
    }

    /** The field's first value, or null. */
    String get(String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Every value of the field, in order. */
    List<String> all(String name) {
        return fields.getOrDefault(name, List.of());
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
