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
    private final TaskBatch<Unwritten> writes = new TaskBatch<>(this::write);
    private int seq;

    public RequestJournal(RequestState state) {
        this.state = state;
    }

    /** One event: what happened to which product (or null), and a note. */
    public record Note(String kind, String product, String detail) {}

    /** An event not written yet, with the snapshot it produced. */
    private record Unwritten(LedgerEvent event, RequestSnapshot snapshot) {}

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
        List<Unwritten> events = events(actor, List.of(new Note(kind, product, detail)));
        writes.add(events).get();
        return events.get(0).snapshot();
    }

    /**
     * The request's last write: every transition not written yet and this one, as one entry
     * handed to {@code write} (a local activity that writes it together with the request's last
     * steps); returns what {@code write} returned.
     */
    public <R> R recordLast(String kind, String detail, Functions.Func1<LedgerEntry, R> write) {
        List<Unwritten> last = events(SYSTEM, List.of(new Note(kind, null, detail)));
        return writes.flushWith(unwritten -> {
            List<Unwritten> all = new ArrayList<>(unwritten);
            all.addAll(last);
            return write.apply(entry(all));
        });
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

    private List<Unwritten> events(String actor, List<Note> notes) {
        RequestSnapshot snapshot = state.nextSnapshot(Workflow.currentTimeMillis() * 1000L);
        visibility.publish(state);
        List<Unwritten> events = new ArrayList<>();
        for (Note note : notes) {
            seq++;
            events.add(new Unwritten(
                    new LedgerEvent(eventId(), WorkflowClock.now(), actor, note.kind(), note.product(), note.detail()),
                    snapshot));
        }
        return events;
    }

    private void write(List<Unwritten> events) {
        ledger.record(entry(events));
    }

    /** The events in order, with the snapshot of the newest: what the ledger stores in one step. */
    private static LedgerEntry entry(List<Unwritten> events) {
        return new LedgerEntry(
                events.get(events.size() - 1).snapshot(),
                events.stream().map(Unwritten::event).toList());
    }

    /** {@code <requestId>:<run>:<seq>}: unique across the runs a re-driven request may have. */
    private String eventId() {
        String run = Workflow.getInfo().getFirstExecutionRunId();
        return state.id() + ":" + run.substring(0, Math.min(8, run.length())) + ":" + seq;
    }
}
