package dev.dsrflow.api.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Reads request bodies strictly: unknown fields, duplicate keys, malformed JSON, bad enum values
 * and bad instants are refused as 400 problems that name the offending field, never echoing
 * the submitted value (it may be a subject identifier).
 */
public final class StrictJson {
    /** Largest body the API accepts. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private StrictJson() {}

    /**
     * Parses a body into the given record type.
     *
     * @param body the raw body, or null
     * @param type the record to bind
     * @param required whether an absent or empty body is an error (otherwise null is returned)
     */
    public static <T> T read(byte[] body, Class<T> type, boolean required) {
        if (body == null || body.length == 0 || isBlank(body)) {
            if (required) {
                throw ProblemException.invalid("body", "a JSON object is required");
            }
            return null;
        }
        if (body.length > MAX_BODY_BYTES) {
            throw ProblemException.bodyTooLarge(MAX_BODY_BYTES);
        }
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw ProblemException.invalid("body", "a JSON object is required");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ProblemException.invalid(path(e), "unknown field");
        } catch (InvalidFormatException e) {
            throw ProblemException.invalid(path(e), expected(e.getTargetType()));
        } catch (MismatchedInputException e) {
            String field = path(e);
            throw ProblemException.invalid(
                    field.isEmpty() ? "body" : field,
                    field.isEmpty() ? "must be a JSON object" : expected(e.getTargetType()));
        } catch (JsonMappingException e) {
            String field = path(e);
            throw ProblemException.invalid(field.isEmpty() ? "body" : field, "cannot be read");
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid(
                    "body",
                    "malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw ProblemException.invalid("body", "cannot be read");
        }
    }

    private static String expected(Class<?> target) {
        if (target == null) {
            return "has the wrong type";
        }
        if (target.isEnum()) {
            return "must be one of "
                    + Arrays.stream(target.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        }
        if (target == java.time.Instant.class) {
            return "must be an ISO-8601 instant such as 2025-01-01T00:00:00Z";
        }
        if (java.util.Collection.class.isAssignableFrom(target)) {
            return "must be an array";
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (target.isRecord()) {
            return "must be a JSON object";
        }
        return "has the wrong type";
    }

    /** The dotted path of the field an error is about ({@code subject.email}, {@code products[1]}). */
    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
