package dev.dsrflow.api.drp;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.dsrflow.api.problem.FieldError;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The protocol's error state (DRP 0.9.4 section 3.06): {@code code} (the HTTP status as a string),
 * {@code message}, {@code fatal}; plus the offending field, as every dsrflow error names it.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record DrpError(String code, String message, Boolean fatal, List<FieldError> errors) {}
