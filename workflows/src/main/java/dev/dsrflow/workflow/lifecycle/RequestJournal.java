package dev.dsrflow.workflow.lifecycle;

import dev.dsrflow.ledger.LedgerActivities;
import dev.dsrflow.ledger.LedgerEntry;
import dev.dsrflow.ledger.LedgerEvent;
import dev.dsrflow.ledger.RequestSnapshot;
import dev.dsrflow.workflow.ChangeIds;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Async;
import io.temporal.workflow.CompletablePromise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a request's transitions to the ledger, as local activities (one marker event each,
 * no task-queue round trip). Every write carries the whole snapshot with a higher revision and
 * the event that explains it, under a deterministic id {@code <requestId>:<run>:<seq>}, so a
 * retried write never duplicates anything.
 *
 * <p>From version {@link #BATCHING} on, writes requested by parallel branches of the workflow
 * in the same workflow task (e.g. every product of a fan-out moving to RUNNING, or several
 * products finishing together) go to the ledger as one local activity: one entry with every
 * event and the newest snapshot. Each caller still waits until its event is written.
 */
public final class RequestJournal {
    /** The actor recorded for what the workflow does on its own. */
    public static final String SYSTEM = "system";

    /** Change id: ledger writes of one workflow task are batched (and orchestrator steps run locally). */
    public static final String BATCHING = ChangeIds.JOURNAL_BATCHING;

    private final RequestState state;
    private final LedgerActivities ledger;
    private final RequestVisibility visibility = new RequestVisibility();
    private final List<LedgerEvent> pending = new ArrayList<>();
    private CompletablePromise<Void> pendingWritten;
    private RequestSnapshot pendingSnapshot;
    private Boolean batching;
    private int seq;

    public RequestJournal(RequestState state) {
        this.state = state;
        this.ledger = Workflow.newLocalActivityStub(
                LedgerActivities.class,
                LocalActivityOptions.newBuilder()
                        .setStartToCloseTimeout(Duration.ofSeconds(20))
                        // keep retrying through any ledger outage: without a schedule-to-close bound the SDK
                        // gives up on the first failure, and a request must never fail because PostgreSQL blinked
                        .setScheduleToCloseTimeout(Duration.ofDays(3650))
                        .setRetryOptions(RetryOptions.newBuilder()
                                .setInitialInterval(Duration.ofSeconds(1))
                                .setMaximumInterval(Duration.ofMinutes(1))
                                .build())
                        .build());
    }

    /** The workflow's current time as an instant. */
    public static Instant now() {
        return Instant.ofEpochMilli(Workflow.currentTimeMillis());
    }

    /** One event of a {@link #recordAll} write: what happened to which product (or null), and a note. */
    public record Note(String kind, String product, String detail) {}

    /**
     * Records several transitions by one actor in one ledger write (e.g. a batch of products
     * finishing); returns the snapshot written, or the current one when there is nothing to write.
     */
    public RequestSnapshot recordAll(String actor, List<Note> notes) {
        if (notes.isEmpty()) {
            return state.snapshot();
        }
        boolean batched = batching();
        List<LedgerEvent> events = new ArrayList<>();
        for (Note note : notes) {
            seq++;
            events.add(new LedgerEvent(eventId(), now(), actor, note.kind(), note.product(), note.detail()));
        }
        RequestSnapshot snapshot = state.nextSnapshot(Workflow.currentTimeMillis() * 1000L);
        visibility.publish(state);
        if (!batched) {
            ledger.record(new LedgerEntry(snapshot, events));
            return snapshot;
        }
        if (pendingWritten == null) {
            pendingWritten = Workflow.newPromise();
        }
        CompletablePromise<Void> written = pendingWritten;
        pending.addAll(events);
        pendingSnapshot = snapshot;
        written.get();
        return snapshot;
    }

    /** Records a transition of the whole request. */
    public RequestSnapshot record(String actor, String kind, String detail) {
        return record(actor, kind, null, detail);
    }

    /** Records a transition, optionally about one product; returns the snapshot written. */
    public RequestSnapshot record(String actor, String kind, String product, String detail) {
        boolean batched = batching();
        seq++;
        RequestSnapshot snapshot = state.nextSnapshot(Workflow.currentTimeMillis() * 1000L);
        LedgerEvent event = new LedgerEvent(eventId(), now(), actor, kind, product, detail);
        visibility.publish(state);
        if (!batched) {
            ledger.record(new LedgerEntry(snapshot, List.of(event)));
            return snapshot;
        }
        if (pendingWritten == null) {
            pendingWritten = Workflow.newPromise();
        }
        CompletablePromise<Void> written = pendingWritten;
        pending.add(event);
        pendingSnapshot = snapshot;
        written.get();
        return snapshot;
    }

    /**
     * Re-applies the decisions operators recorded in the ledger for this request before its
     * workflow was lost (the embedded Temporal keeps nothing across a restart; the ledger
     * re-drives the request in a new run): approvals, the extension, and products completed or
     * skipped by hand. They are not recorded again. Call after the due date is set.
     */
    public void restoreDecisions() {
        if (Workflow.getVersion(ChangeIds.RESUME_FROM_LEDGER, Workflow.DEFAULT_VERSION, 1)
                == Workflow.DEFAULT_VERSION) {
            return;
        }
        for (LedgerEvent e : ledger.decisions(state.id())) {
            PriorDecision.apply(state, e);
        }
    }

    /** {@code <requestId>:<run>:<seq>}: unique across the runs a re-driven request may have. */
    private String eventId() {
        String run = Workflow.getInfo().getFirstExecutionRunId();
        return state.id() + ":" + run.substring(0, Math.min(8, run.length())) + ":" + seq;
    }

    /**
     * Whether this run batches ledger writes (and runs orchestrator-side steps as local
     * activities): decided once per run, recorded in history, so older runs replay unchanged.
     */
    public boolean batching() {
        if (batching == null) {
            batching = Workflow.getVersion(BATCHING, Workflow.DEFAULT_VERSION, 1) >= 1;
            if (batching) {
                // the writer runs outside every cancellation scope: a cancelled branch still gets its event written
                Workflow.newDetachedCancellationScope(() -> Async.procedure(this::writeBatches))
                        .run();
            }
        }
        return batching;
    }

    /** Writes what the branches asked for since the last write, one local activity per batch. */
    private void writeBatches() {
        while (true) {
            Workflow.await(() -> !pending.isEmpty());
            List<LedgerEvent> events = List.copyOf(pending);
            RequestSnapshot snapshot = pendingSnapshot;
            CompletablePromise<Void> written = pendingWritten;
            pending.clear();
            pendingSnapshot = null;
            pendingWritten = null;
            try {
                ledger.record(new LedgerEntry(snapshot, events));
                written.complete(null);
            } catch (RuntimeException e) {
                written.completeExceptionally(
                        e); // each waiting caller sees the failure, as an unbatched write would throw it
            }
        }
    }
}
