package dev.dsrflow.workflow.lifecycle;

import dev.dsrflow.ledger.LedgerActivities;
import dev.dsrflow.ledger.LedgerEntry;
import dev.dsrflow.ledger.LedgerEvent;
import dev.dsrflow.ledger.RequestSnapshot;
import dev.dsrflow.workflow.RequestWorkflow;
import io.temporal.workflow.Functions;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a request's transitions to the ledger. Every write carries the whole snapshot with a
 * higher revision and the events that explain it, under deterministic ids
 * {@code <requestId>:<run>:<seq>}, so a retried write never duplicates anything.
 *
 * <p>Writes requested within one workflow task go out as one local activity ({@link TaskBatch}):
 * one marker event, whatever the number of products that moved. What the workflow does on its
 * own is {@linkplain #note noted} without waiting; an operator's decision is
 * {@linkplain #record recorded} and waited for, so the update returns only once the ledger has
 * it. The request's last write ({@link #recordLast}) carries whatever is still unwritten, in
 * the same local activity as the request's last steps (report, notice).
 */
public final class RequestJournal {
    /** The actor recorded for what the workflow does on its own. */
    public static final String SYSTEM = "system";

    private final RequestState state;
    private final LedgerActivities ledger = OrchestratorStubs.local(LedgerActivities.class);
    private final RequestVisibility visibility = new RequestVisibility();
    private final TaskBatch<LedgerEvent> writes = new TaskBatch<>(this::write);
    private RequestSnapshot latest;
    private int seq;

    public RequestJournal(RequestState state) {
        this.state = state;
    }

    /** One event: what happened to which product (or null), and a note. */
    public record Note(String kind, String product, String detail) {}

    /** Notes a transition of the whole request that the workflow made on its own (not waited for). */
    public void note(String kind, String detail) {
        note(kind, null, detail);
    }

    /** Notes a transition the workflow made on its own, optionally about one product (not waited for). */
    public void note(String kind, String product, String detail) {
        noteAll(List.of(new Note(kind, product, detail)));
    }

    /** Notes several transitions the workflow made on its own (e.g. a batch of products finishing). */
    public void noteAll(List<Note> notes) {
        if (!notes.isEmpty()) {
            writes.add(events(SYSTEM, notes));
        }
    }

    /** Records an operator's decision about the whole request; returns once the ledger has it. */
    public RequestSnapshot record(String actor, String kind, String detail) {
        return record(actor, kind, null, detail);
    }

    /** Records an operator's decision, optionally about one product; returns the snapshot written. */
    public RequestSnapshot record(String actor, String kind, String product, String detail) {
        List<LedgerEvent> events = events(actor, List.of(new Note(kind, product, detail)));
        RequestSnapshot snapshot = latest;
        writes.add(events).get();
        return snapshot;
    }

    /**
     * The request's last write: every transition not written yet and this one, as one entry
     * handed to {@code write} (a local activity that writes it together with the request's last
     * steps); returns what {@code write} returned.
     */
    public <R> R recordLast(String kind, String detail, Functions.Func1<LedgerEntry, R> write) {
        List<LedgerEvent> last = events(SYSTEM, List.of(new Note(kind, null, detail)));
        RequestSnapshot snapshot = latest;
        return writes.flushWith(unwritten -> {
            List<LedgerEvent> events = new ArrayList<>(unwritten);
            events.addAll(last);
            return write.apply(new LedgerEntry(snapshot, events));
        });
    }

    /** The snapshot of the last transition noted or recorded. */
    public RequestSnapshot latest() {
        return latest == null ? state.snapshot() : latest;
    }

    /**
     * Re-applies the decisions operators recorded in the ledger for this request before its
     * workflow was lost, when the workflow was started again from the ledger (its start carries
     * the memo {@link RequestWorkflow#REDRIVEN_MEMO}): approvals, the extension, and products
     * completed or skipped by hand. They are not recorded again. A first start has none to read
     * (decisions come from this workflow's own updates), so it asks the ledger nothing. Call
     * after the due date is set.
     */
    public void restoreDecisions() {
        if (!Boolean.TRUE.equals(Workflow.getMemo(RequestWorkflow.REDRIVEN_MEMO, Boolean.class))) {
            return;
        }
        for (LedgerEvent e : ledger.decisions(state.id())) {
            PriorDecision.apply(state, e);
        }
    }

    private List<LedgerEvent> events(String actor, List<Note> notes) {
        List<LedgerEvent> events = new ArrayList<>();
        for (Note note : notes) {
            seq++;
            events.add(
                    new LedgerEvent(eventId(), WorkflowClock.now(), actor, note.kind(), note.product(), note.detail()));
        }
        latest = state.nextSnapshot(Workflow.currentTimeMillis() * 1000L);
        visibility.publish(state);
        return events;
    }

    private void write(List<LedgerEvent> events) {
        ledger.record(new LedgerEntry(latest, events));
    }

    /** {@code <requestId>:<run>:<seq>}: unique across the runs a re-driven request may have. */
    private String eventId() {
        String run = Workflow.getInfo().getFirstExecutionRunId();
        return state.id() + ":" + run.substring(0, Math.min(8, run.length())) + ":" + seq;
    }
}
