package dev.dsrflow.workflow;

/**
 * The code a data subject entered to verify their request.
 *
 * @param code six digits, as received by e-mail
 */
public record CodeAttempt(String code) {
    @Override
    public String toString() {
        return "CodeAttempt[redacted]";
    }
}
