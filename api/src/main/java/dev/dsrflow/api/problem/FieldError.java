package dev.dsrflow.api.problem;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One reason a request was refused: the JSON path of the offending field and what is wrong.
 *
 * @param field dotted JSON path ({@code subject.email}, {@code products[1]}), or {@code body}
 * @param message what is wrong, without echoing the submitted value
 */
@Serdeable
public record FieldError(String field, String message) {}
