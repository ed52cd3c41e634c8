package dev.dsrflow.product.activity;

import dev.dsrflow.product.Progress;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.converter.DataConverterException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Progress backed by Temporal heartbeats: each checkpoint is a heartbeat carrying a
 * {@link Checkpoint} (the cursor and the call's item count so far), and a retried attempt
 * resumes from the last one the failed attempt heartbeated, count included. Heartbeats written
 * by an adapter from before counts (a bare cursor) are still resumed from.
 */
final class HeartbeatProgress implements Progress {
    private final ActivityExecutionContext context;
    private final Optional<String> resumeFrom;
    private long itemsDone;

    HeartbeatProgress(ActivityExecutionContext context) {
        this.context = context;
        Optional<Checkpoint> last = lastCheckpoint(context);
        this.resumeFrom = last.map(Checkpoint::cursor);
        this.itemsDone = last.map(Checkpoint::itemsDone).orElse(Checkpoint.UNKNOWN);
    }

    @Override
    public void checkpoint(String cursor) {
        context.heartbeat(new Checkpoint(cursor, itemsDone)); // the count stays the last one reported
    }

    @Override
    public void checkpoint(String cursor, long itemsDone) {
        this.itemsDone = itemsDone;
        context.heartbeat(new Checkpoint(cursor, itemsDone));
    }

    @Override
    public Optional<String> resumeFrom() {
        return resumeFrom;
    }

    /** Items the call has done by its last checkpoint (this attempt's, else the resumed one's). */
    OptionalLong itemsDone() {
        return itemsDone < 0 ? OptionalLong.empty() : OptionalLong.of(itemsDone);
    }

    private static Optional<Checkpoint> lastCheckpoint(ActivityExecutionContext context) {
        try {
            return context.getHeartbeatDetails(Checkpoint.class);
        } catch (DataConverterException bareCursor) {
            return context.getHeartbeatDetails(String.class).map(cursor -> new Checkpoint(cursor, Checkpoint.UNKNOWN));
        }
    }
}
