package dev.dsrflow.workflow.lifecycle;

import dev.dsrflow.ledger.LedgerActivities;
import dev.dsrflow.ledger.LedgerEntry;
import dev.dsrflow.ledger.LedgerEvent;
import dev.dsrflow.ledger.RequestSnapshot;
import dev.dsrflow.workflow.ChangeIds;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Writes a request's transitions to the ledger, as local activities (one marker event each,
 * no task-queue round trip). Every write carries the whole snapshot with a higher revision and
 * the event that explains it, under a deterministic id {@code <requestId>:<run>:<seq>}, so a
 * retried write never duplicates anything.
 */
public final class RequestJournal {
  /** The actor recorded for what the workflow does on its own. */
  public static final String SYSTEM = "system";

  private final RequestState state;
  private final LedgerActivities ledger;
  private final RequestVisibility visibility = new RequestVisibility();
  private int seq;

  public RequestJournal(RequestState state) {
    this.state = state;
    this.ledger = Workflow.newLocalActivityStub(LedgerActivities.class, LocalActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(20))
        // keep retrying through any ledger outage: without a schedule-to-close bound the SDK
        // gives up on the first failure, and a request must never fail because PostgreSQL blinked
        .setScheduleToCloseTimeout(Duration.ofDays(3650))
        .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofSeconds(1))
            .setMaximumInterval(Duration.ofMinutes(1)).build())
        .build());
  }

  /** The workflow's current time as an instant. */
  public static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }

  /** Records a transition of the whole request. */
  public RequestSnapshot record(String actor, String kind, String detail) {
    return record(actor, kind, null, detail);
  }

  /** Records a transition, optionally about one product; returns the snapshot written. */
  public RequestSnapshot record(String actor, String kind, String product, String detail) {
    seq++;
    RequestSnapshot snapshot = state.nextSnapshot(Workflow.currentTimeMillis() * 1000L);
    LedgerEvent event = new LedgerEvent(eventId(), now(), actor, kind, product, detail);
    ledger.record(new LedgerEntry(snapshot, List.of(event)));
    visibility.publish(state);
    return snapshot;
  }

  /**
   * Re-applies the decisions operators recorded in the ledger for this request before its
   * workflow was lost (the embedded Temporal keeps nothing across a restart; the ledger
   * re-drives the request in a new run): approvals, the extension, and products completed or
   * skipped by hand. They are not recorded again. Call after the due date is set.
   */
  public void restoreDecisions() {
    if (Workflow.getVersion(ChangeIds.RESUME_FROM_LEDGER, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
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
}
