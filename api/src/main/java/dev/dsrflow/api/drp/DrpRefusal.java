package dev.dsrflow.api.drp;

/**
 * A DRP request refused before anything was filed: answered with the protocol's error state
 * (section 3.06), or with a bare 403 on key setup (section 2.05.1).
 */
class DrpRefusal extends RuntimeException {
    private final int status;
    private final String field;
    private final boolean fatal;
    private final boolean bare;

    private DrpRefusal(int status, String field, String message, boolean fatal, boolean bare) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
        this.fatal = fatal;
        this.bare = bare;
    }

    /** The message's authentication failed (signature, agent, business, time, replay): fatal. */
    static DrpRefusal forbidden(String field, String message) {
        return new DrpRefusal(403, field, message, true, false);
    }

    /** The message is not one dsrflow can serve as sent. */
    static DrpRefusal invalid(String field, String message) {
        return new DrpRefusal(400, field, message, true, false);
    }

    static DrpRefusal notFound(String message) {
        return new DrpRefusal(404, "request_id", message, false, false);
    }

    static DrpRefusal conflict(String message) {
        return new DrpRefusal(409, null, message, false, false);
    }

    static DrpRefusal unavailable(String message) {
        return new DrpRefusal(503, null, message, false, false);
    }

    /** This refusal as key setup answers it: 403 and no body. */
    DrpRefusal bare() {
        return new DrpRefusal(403, field, getMessage(), fatal, true);
    }

    int status() {
        return status;
    }

    String field() {
        return field;
    }

    boolean fatal() {
        return fatal;
    }

    boolean isBare() {
        return bare;
    }
}
