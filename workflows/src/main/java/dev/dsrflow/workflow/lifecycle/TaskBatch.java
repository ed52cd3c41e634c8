package dev.dsrflow.workflow.lifecycle;

import io.temporal.workflow.Async;
import io.temporal.workflow.CompletablePromise;
import io.temporal.workflow.Functions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects what the workflow's threads add within one workflow task and hands it to one call
 * (a local activity: one marker event), instead of one call per item: every product of a
 * fan-out moving to RUNNING, several products finishing together, several hold claims released
 * together. Items keep the order they were added in, and one flush never overlaps the next, so
 * what the call writes arrives in order.
 *
 * <p>The flushing thread starts on the first item, outside every cancellation scope: a
 * cancelled branch still gets its items flushed. Threads run one at a time until they block; it
 * flushes only after the threads runnable along with it have run, so what they added in the
 * meantime goes out together.
 *
 * @param <T> what is collected
 */
public final class TaskBatch<T> {
    private final Functions.Proc1<List<T>> flush;
    private final List<T> pending = new ArrayList<>();
    private CompletablePromise<Void> pendingFlushed;
    private boolean flushing;
    private boolean started;

    /** A batch handing its items to {@code flush} (a local activity call). */
    public TaskBatch(Functions.Proc1<List<T>> flush) {
        this.flush = flush;
    }

    /** Adds items to the next flush; the promise completes once they were flushed (or fails with the flush). */
    public Promise<Void> add(List<T> items) {
        if (!started) {
            started = true;
            Workflow.newDetachedCancellationScope(() -> Async.procedure(this::flushForever))
                    .run();
        }
        if (pendingFlushed == null) {
            pendingFlushed = Workflow.newPromise();
        }
        pending.addAll(items);
        return pendingFlushed;
    }

    /**
     * Hands the items not flushed yet to {@code write} instead of the batch's own call, after any
     * flush in flight has ended (a last write that must carry them along with more, in order).
     */
    public <R> R flushWith(Functions.Func1<List<T>, R> write) {
        Workflow.await(() -> !flushing);
        List<T> items = List.copyOf(pending);
        CompletablePromise<Void> flushed = take();
        flushing = true;
        try {
            R result = write.apply(items);
            if (flushed != null) {
                flushed.complete(null);
            }
            return result;
        } catch (RuntimeException e) {
            if (flushed != null) {
                flushed.completeExceptionally(e);
            }
            throw e;
        } finally {
            flushing = false;
        }
    }

    private void flushForever() {
        while (true) {
            Workflow.await(() -> !pending.isEmpty() && !flushing);
            // a thread started now runs after every thread that exists already: once it has run, the
            // threads that were runnable together with this one (e.g. the products of a fan-out) have added theirs
            Async.procedure(() -> {}).get();
            if (pending.isEmpty() || flushing) {
                continue; // a last write took them meanwhile
            }
            try {
                flushWith(items -> {
                    flush.apply(items);
                    return null;
                });
            } catch (RuntimeException failed) {
                // every caller waiting on these items sees the failure through its promise
            }
        }
    }

    private CompletablePromise<Void> take() {
        CompletablePromise<Void> flushed = pendingFlushed;
        pending.clear();
        pendingFlushed = null;
        return flushed;
    }
}
