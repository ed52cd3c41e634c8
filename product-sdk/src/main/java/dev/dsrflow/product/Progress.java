package dev.dsrflow.product;

import java.util.Optional;

/**
 * Progress reporting for long handler work. The platform turns each checkpoint into a
 * heartbeat, so a retried call can resume from the last checkpoint instead of starting over.
 * Heartbeats are throttled, so a retry may resume from an earlier checkpoint than the last one
 * recorded: a cursor must mean "at least this much is done", and redoing work after it must be
 * safe (handlers are idempotent).
 */
public interface Progress {
    /** Records that everything up to {@code cursor} is done. */
    void checkpoint(String cursor);

    /**
     * Records that everything up to {@code cursor} is done, and how many items this call has done
     * so far, counting what earlier attempts of the same call did (what the call would report if
     * it finished now). If the call then fails for good, the platform still knows, and certifies,
     * what it did: without the count, work done by a call that failed is invisible to the
     * deletion's evidence. Never a subject identifier, only a count.
     */
    default void checkpoint(String cursor, long itemsDone) {
        checkpoint(cursor);
    }

    /** The last checkpoint of an earlier attempt of this same call, if any. */
    Optional<String> resumeFrom();

    /** Progress that remembers nothing: for tests and short calls. */
    static Progress none() {
        return new Progress() {
            @Override
            public void checkpoint(String cursor) {}

            @Override
            public Optional<String> resumeFrom() {
                return Optional.empty();
            }
        };
    }
}
