package dev.dsrflow.ledger;

/** The ledger database could not be reached or refused a write; callers retry. */
public class LedgerUnavailableException extends RuntimeException {
    public LedgerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
