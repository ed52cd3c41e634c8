package dev.dsrflow.workflow.lifecycle;

import dev.dsrflow.model.RequestPolicy;
import io.temporal.workflow.Async;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;

/**
 * Raises a DEADLINE_WARNING event {@code warningLead} before the due date and an OVERDUE
 * escalation at breach, both in the ledger. Re-arms when the due date moves (extension). Its
 * timer is never cancelled: a request that ends simply leaves it behind (a workflow that
 * completes drops its pending timers), which saves the cancellation's history event, and a
 * timer that fires after {@link #stop} raises nothing.
 */
public final class DeadlineWatch {
    private final RequestState state;
    private final RequestJournal journal;
    private final RequestPolicy policy;
    private boolean stopped;

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
        // outside the workflow's cancellation scope: cancelling the workflow ends the request, not the watch's timer
        Workflow.newDetachedCancellationScope(() -> Async.procedure(this::watch))
                .run();
    }

    /** Stops watching: no warning or escalation after this (the pending timer is left to lapse). */
    public void stop() {
        stopped = true;
    }

    private void watch() {
        boolean warned = false;
        while (true) {
            Instant due = state.dueAt();
            Instant next = warned ? due : DeadlinePolicy.warningAt(due, policy);
            Duration wait = Duration.between(WorkflowClock.now(), next);
            // only a moved due date ends the wait early: the end of the request must not cancel the timer
            if (!wait.isNegative()
                    && !wait.isZero()
                    && Workflow.await(wait, () -> !state.dueAt().equals(due))) {
                warned = false; // the due date moved: warn again before the new one
                continue;
            }
            if (ended()) {
                return;
            }
            if (!warned) {
                warned = true;
                journal.note("DEADLINE_WARNING", "due at " + due);
            } else {
                journal.note("OVERDUE", "due date " + due + " passed while " + state.status());
                Workflow.await(() -> !state.dueAt().equals(due) || ended());
                if (ended()) {
                    return;
                }
                warned = false;
            }
        }
    }

    private boolean ended() {
        return stopped || state.isFinal();
    }
}
