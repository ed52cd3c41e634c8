package dev.dsrflow.api.requests;

import dev.dsrflow.api.problem.FieldError;
import dev.dsrflow.api.problem.ProblemException;
import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.model.SubjectKey;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the list endpoint's query parameters into a {@link RequestFilter}, refusing bad values
 * with a 400 that names the parameter. A {@code subject} identifier becomes subject keys here
 * and goes no further.
 */
@Singleton
class ListParameters {
    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;
    private static final Pattern PRODUCT = Pattern.compile("[a-z][a-z0-9-]{1,40}");

    private final SubjectKey subjectKey;

    ListParameters(SubjectKey subjectKey) {
        this.subjectKey = subjectKey;
    }

    RequestFilter parse(
            String type,
            String status,
            String jurisdiction,
            String product,
            String subject,
            String dueBefore,
            String overdue,
            String page,
            String size) {
        List<FieldError> errors = new ArrayList<>();
        Set<RequestType> types = enums("type", type, RequestType.class, errors);
        Set<RequestStatus> statuses = enums("status", status, RequestStatus.class, errors);
        Set<Jurisdiction> jurisdictions = enums("jurisdiction", jurisdiction, Jurisdiction.class, errors);
        if (product != null && !PRODUCT.matcher(product).matches()) {
            errors.add(new FieldError("product", "must be a product id"));
        }
        List<String> keys = subject == null ? null : keys(subject, errors);
        Instant due = null;
        if (dueBefore != null) {
            try {
                due = Instant.parse(dueBefore);
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("dueBefore", "must be an ISO-8601 instant such as 2025-01-01T00:00:00Z"));
            }
        }
        Boolean overdueFlag = null;
        if (overdue != null) {
            if (overdue.equals("true") || overdue.equals("false")) {
                overdueFlag = Boolean.valueOf(overdue);
            } else {
                errors.add(new FieldError("overdue", "must be true or false"));
            }
        }
        int pageNumber = integer("page", page, 0, 0, Integer.MAX_VALUE / MAX_SIZE, errors);
        int pageSize = integer("size", size, DEFAULT_SIZE, 1, MAX_SIZE, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new RequestFilter(
                types,
                statuses,
                jurisdictions,
                product == null ? null : Set.of(product),
                keys,
                due,
                overdueFlag,
                pageNumber,
                pageSize);
    }

    /** The order a {@code sort} value names (the newest received first when absent); another value is refused. */
    ListOrder order(String sort) {
        if (sort == null || sort.isBlank()) {
            return ListOrder.RECEIVED_DESC;
        }
        return ListOrder.of(sort.trim())
                .orElseThrow(() -> ProblemException.invalid(
                        List.of(new FieldError("sort", "must be one of " + ListOrder.accepted()))));
    }

    /** Keys for every reading of the identifier: a user id, and an email or a phone number if it looks like one. */
    private List<String> keys(String identifier, List<FieldError> errors) {
        String value = identifier.trim();
        if (value.isEmpty() || value.length() > 254) {
            errors.add(new FieldError("subject", "must be a user id, email or phone number"));
            return null;
        }
        Set<String> keys = new LinkedHashSet<>();
        keys.add(subjectKey.primary(new SubjectIdentifiers(value, null, null)));
        if (value.contains("@")) {
            keys.add(subjectKey.primary(new SubjectIdentifiers(null, value, null)));
        }
        if (value.matches("\\+?[0-9 ().-]{6,32}")) {
            // a reading as a phone number only when it is one
            subjectKey
                    .normalizer()
                    .e164(value)
                    .ifPresent(phone -> keys.add(subjectKey.primary(new SubjectIdentifiers(null, null, phone))));
        }
        return List.copyOf(keys);
    }

    private static <E extends Enum<E>> Set<E> enums(
            String field, String value, Class<E> type, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Set<E> out = EnumSet.noneOf(type);
        for (String part : value.split(",")) {
            try {
                out.add(Enum.valueOf(type, part.trim()));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(field, "must be one of " + EnumSet.allOf(type) + " (comma-separated)"));
                return null;
            }
        }
        return out;
    }

    private static int integer(String field, String value, int fallback, int min, int max, List<FieldError> errors) {
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(field, "must be an integer from " + min + " to " + max));
        return fallback;
    }
}
