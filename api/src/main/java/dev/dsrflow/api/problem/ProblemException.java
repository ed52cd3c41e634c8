package dev.dsrflow.api.problem;

import io.micronaut.http.HttpStatus;
import java.util.List;

/**
 * A refusal the API answers as a problem document: bad input (400), a forbidden action (403),
 * an unknown request (404), a transition the request's state does not allow (409), an expired
 * package (410), an oversized body (413).
 */
public class ProblemException extends RuntimeException {
    private final HttpStatus status;
    private final String type;
    private final List<FieldError> errors;

    public ProblemException(HttpStatus status, String type, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** 400: the input is invalid; each error names its field. */
    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(
                HttpStatus.BAD_REQUEST,
                "/problems/invalid-input",
                "The request is invalid: "
                        + errors.stream().map(FieldError::field).distinct().toList(),
                errors);
    }

    /** 400 for a single field. */
    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    /** 403: the caller's role may not do this. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, "/problems/forbidden", detail, null);
    }

    /** 404: no such request. */
    public static ProblemException unknownRequest(String requestId) {
        return new ProblemException(HttpStatus.NOT_FOUND, "/problems/unknown-request", "No request " + requestId, null);
    }

    /** 404 for anything else that does not exist. */
    public static ProblemException notFound(String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, "/problems/not-found", detail, null);
    }

    /** 409: the request's state does not allow this. */
    public static ProblemException conflict(String detail) {
        return new ProblemException(HttpStatus.CONFLICT, "/problems/transition-refused", detail, null);
    }

    /** 410: it existed but is gone for good. */
    public static ProblemException gone(String detail) {
        return new ProblemException(HttpStatus.GONE, "/problems/gone", detail, null);
    }

    /** 503: a dependency (Temporal, the ledger database) does not answer; retry later. */
    public static ProblemException unavailable(String detail) {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "/problems/unavailable", detail, null);
    }

    /** 413: the body is larger than the API accepts. */
    public static ProblemException bodyTooLarge(int limit) {
        return new ProblemException(
                HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                "/problems/body-too-large",
                "The request body exceeds " + limit + " bytes",
                List.of(new FieldError("body", "at most " + limit + " bytes")));
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The problem document for this refusal. */
    public Problem toProblem() {
        return new Problem(type, status.getReason(), status.getCode(), getMessage(), errors);
    }
}
