package dev.dsrflow.product.activity;

/**
 * The heartbeat details of a product activity: the handler's last cursor and, when the handler
 * reports it, how many items the call had done by then (every attempt of the call together).
 *
 * @param cursor the handler's opaque cursor
 * @param itemsDone items done by the call so far, or {@link #UNKNOWN}
 */
public record Checkpoint(String cursor, long itemsDone) {
    /** The handler reported no count. */
    public static final long UNKNOWN = -1;
}
