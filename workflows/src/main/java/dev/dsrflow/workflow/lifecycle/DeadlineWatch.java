package dev.dsrflow.workflow.lifecycle;

import dev.dsrflow.model.RequestPolicy;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;

/**
 * Raises a DEADLINE_WARNING event {@code warningLead} before the due date and an OVERDUE
 * escalation at breach, both in the ledger. Re-arms when the due date moves (extension). Runs
 * in its own cancellation scope: {@link #stop} cancels its timer, so a finished request is
 * never kept alive by it.
 */
public final class DeadlineWatch {
    private final RequestState state;
    private final RequestJournal journal;
    private final RequestPolicy policy;
    private CancellationScope scope;

    public DeadlineWatch(RequestState state, RequestJournal journal, RequestPolicy policy) {
        this.state = state;
        this.journal = journal;
        this.policy = policy;
    }

    /** Starts watching (no-op for a request without a due date). */
    public void start() {
        if (state.dueAt() == null) {
            return;
        }
        scope = Workflow.newCancellationScope(() -> Async.procedure(this::watch));
        scope.run();
    }

    /** Stops watching: cancels the pending timer. */
    public void stop() {
        if (scope != null) {
            scope.cancel();
            scope = null;
        }
    }

    private void watch() {
        try {
            boolean warned = false;
            while (true) {
                Instant due = state.dueAt();
                Instant next = warned ? due : DeadlinePolicy.warningAt(due, policy);
                Duration wait = Duration.between(RequestJournal.now(), next);
                if (!wait.isNegative()
                        && !wait.isZero()
                        && Workflow.await(wait, () -> !state.dueAt().equals(due) || state.isFinal())) {
                    if (state.isFinal()) {
                        return;
                    }
                    warned = false; // the due date moved: warn again before the new one
                    continue;
                }
                if (state.isFinal()) {
                    return;
                }
                if (!warned) {
                    warned = true;
                    journal.record(RequestJournal.SYSTEM, "DEADLINE_WARNING", "due at " + due);
                } else {
                    journal.record(
                            RequestJournal.SYSTEM, "OVERDUE", "due date " + due + " passed while " + state.status());
                    Workflow.await(() -> !state.dueAt().equals(due) || state.isFinal());
                    if (state.isFinal()) {
                        return;
                    }
                    warned = false;
                }
            }
        } catch (CanceledFailure stopped) {
            // the request finished: nothing left to watch
        }
    }
}
