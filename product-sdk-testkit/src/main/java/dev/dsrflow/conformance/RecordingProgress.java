package dev.dsrflow.conformance;

import dev.dsrflow.product.Progress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * Progress that records every checkpoint, may resume from a given cursor, and may simulate a
 * worker crash right after a checkpoint (as if the process died mid-call).
 */
public final class RecordingProgress implements Progress {
    /** Thrown by a progress that simulates a crash. */
    public static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash() {
            super("simulated worker crash after a checkpoint");
        }
    }

    private final List<String> checkpoints = new CopyOnWriteArrayList<>();
    private final String resumeFrom;
    private final BooleanSupplier crashWhen;

    private RecordingProgress(String resumeFrom, BooleanSupplier crashWhen) {
        this.resumeFrom = resumeFrom;
        this.crashWhen = crashWhen;
    }

    /** A first attempt that runs to the end. */
    public static RecordingProgress fresh() {
        return new RecordingProgress(null, () -> false);
    }

    /** A first attempt whose worker dies right after its first checkpoint. */
    public static RecordingProgress crashingAfterFirstCheckpoint() {
        return new RecordingProgress(null, () -> true);
    }

    /** A first attempt whose worker dies right after the first checkpoint at which the condition holds. */
    public static RecordingProgress crashingAtFirstCheckpointWhere(BooleanSupplier condition) {
        return new RecordingProgress(null, condition);
    }

    /** A retried attempt resuming from an earlier attempt's last checkpoint. */
    public static RecordingProgress resumingFrom(String cursor) {
        return new RecordingProgress(cursor, () -> false);
    }

    @Override
    public void checkpoint(String cursor) {
        checkpoints.add(cursor);
        if (crashWhen.getAsBoolean()) {
            throw new SimulatedCrash();
        }
    }

    @Override
    public Optional<String> resumeFrom() {
        return Optional.ofNullable(resumeFrom);
    }

    public List<String> checkpoints() {
        return List.copyOf(checkpoints);
    }

    /** The last checkpoint recorded, if any. */
    public Optional<String> last() {
        return checkpoints.isEmpty() ? Optional.empty() : Optional.of(checkpoints.get(checkpoints.size() - 1));
    }
}
