package dev.dsrflow.product.activity;

import io.temporal.common.converter.DataConverterException;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TimeoutFailure;
import java.util.OptionalLong;

/**
 * What a product activity call had already done when it failed, attached by the adapter as the
 * details of the failure it raises (identifier-free: a count). The count covers every attempt
 * of the one call (a retry resumes the call's own checkpoints, so its count includes what
 * earlier attempts did), and nothing done by other calls: an operator's retry is a new call
 * that counts from zero. A call that failed and a later call that succeeded are therefore
 * added up, never overlapping.
 *
 * @param step the step the call performed
 * @param items items the call had done (for ERASE: items erased)
 */
public record WorkDone(ProductStep step, long items) {

    /**
     * Items a failed product call had done, if it said: the details the adapter attached to the
     * last attempt's failure, or, for an attempt that timed out, the count in its last heartbeat
     * (a lower bound: heartbeats are throttled). Empty when nothing is known. Reads only the
     * failure, so it is safe (deterministic, no commands) in workflow code.
     */
    public static OptionalLong reportedBy(ActivityFailure failure) {
        Throwable cause = failure.getCause();
        try {
            if (cause instanceof ApplicationFailure app && app.getDetails().getSize() > 0) {
                WorkDone done = app.getDetails().get(WorkDone.class);
                return done == null ? OptionalLong.empty() : OptionalLong.of(done.items());
            }
            if (cause instanceof TimeoutFailure timeout
                    && timeout.getLastHeartbeatDetails().getSize() > 0) {
                Checkpoint last = timeout.getLastHeartbeatDetails().get(Checkpoint.class);
                return last == null || last.itemsDone() < 0 ? OptionalLong.empty() : OptionalLong.of(last.itemsDone());
            }
        } catch (DataConverterException other) {
            // details of another shape (an adapter from before counts were attached): nothing known
        }
        return OptionalLong.empty();
    }
}
