package dev.dsrflow.product;

/**
 * Thrown by a handler when retrying cannot help (bad data, a refused operation). The
 * platform stops retrying and marks the product FAILED for an operator. Any other exception
 * is treated as transient and retried with backoff.
 */
public class PermanentHandlerException extends RuntimeException {
    private final String reason;

    /**
     * @param reason a stable, machine-readable reason code (e.g. {@code SCHEMA_MISMATCH})
     * @param message a human explanation without subject identifiers
     */
    public PermanentHandlerException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
