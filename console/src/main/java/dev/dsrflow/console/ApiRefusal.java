package dev.dsrflow.console;

import java.util.List;

/** The API refused a call: its status, its problem's detail and, for bad input, each field's error. */
public class ApiRefusal extends RuntimeException {
    private final int status;
    private final List<FieldProblem> errors;

    /** One field the API named in a validation problem. */
    public record FieldProblem(String field, String message) {}

    public ApiRefusal(int status, String detail, List<FieldProblem> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    /** The detail and, when there are any, the field errors, in one sentence. */
    public String describe() {
        if (errors.isEmpty()) {
            return getMessage();
        }
        StringBuilder out = new StringBuilder(getMessage());
        for (FieldProblem e : errors) {
            out.append(" ").append(e.field()).append(": ").append(e.message()).append(".");
        }
        return out.toString();
    }
}
