package dev.dsrflow.model;

/** State of one product's part of a request. */
public enum ProductTaskStatus {
    PENDING,
    RUNNING,
    DONE,
    NO_DATA,
    FAILED,
    DEFERRED,
    MANUAL,
    SKIPPED;

    /** Whether nothing more will happen to this product's task without an operator. */
    public boolean isSettled() {
        return this == DONE || this == NO_DATA || this == SKIPPED;
    }
}
