package dev.dsrflow.workflow.holds;

import dev.dsrflow.workflow.WorkflowIds;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.SignalExternalWorkflowException;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;

/** The per-subject hold registry (see {@link HoldRegistryWorkflow}). */
public final class HoldRegistryWorkflowImpl implements HoldRegistryWorkflow {
    /** Continue as new after this many events even if the server does not suggest it yet. */
    public static final int DEFAULT_MAX_HISTORY = 2_000;
    /** How long a granted erase claim blocks a new hold if its deletion never reports back. */
    static final Duration CLAIM_LEASE = ClaimLease.LEASE;

    private static final Logger log = Workflow.getLogger(HoldRegistryWorkflowImpl.class);

    private final int maxHistory;
    private final Deque<Map.Entry<String, List<String>>> outbox = new ArrayDeque<>();
    private final HoldBook book;

    /**
     * Built from the run's input (see {@link HoldRegistryWorkers}), so updates delivered with the
     * start already see the carried state.
     */
    public HoldRegistryWorkflowImpl(int maxHistory, HoldRegistryState carried) {
        this.maxHistory = maxHistory;
        this.book = HoldBook.of(carried);
    }

    @Override
    public void run(HoldRegistryState carried) {
        while (true) {
            Workflow.await(() -> !outbox.isEmpty() || continueAsNewDue());
            deliver();
            if (continueAsNewDue()) {
                Workflow.await(Workflow::isEveryHandlerFinished);
                deliver();
                log.info(
                        "hold registry continues as new after {} events",
                        Workflow.getInfo().getHistoryLength());
                Workflow.continueAsNew(book.state());
            }
        }
    }

    @Override
    public HoldRegistryState placeHold(HoldPlacement placement) {
        book.place(placement);
        Set<String> products = Set.copyOf(placement.products());
        Optional<Instant> running;
        while ((running = book.runningErases(products, now())).isPresent()) {
            Duration lease = Duration.between(now(), running.get());
            Workflow.await(lease, () -> book.runningErases(products, now()).isEmpty());
        }
        return book.state();
    }

    @Override
    public HoldRegistryState renewHold(HoldChange change) {
        book.renew(change);
        return book.state();
    }

    @Override
    public HoldRegistryState endHold(HoldChange change) {
        book.end(change.holdId()).forEach((requestId, products) -> outbox.add(Map.entry(requestId, products)));
        return book.state();
    }

    @Override
    public ClaimedProducts claimErases(EraseClaims claims) {
        return book.claim(claims, now().plus(CLAIM_LEASE));
    }

    @Override
    public int releaseClaims(EraseClaims claims) {
        return book.release(claims);
    }

    @Override
    public HoldRegistryState state() {
        return book.state();
    }

    private void deliver() {
        while (!outbox.isEmpty()) {
            Map.Entry<String, List<String>> next = outbox.poll();
            try {
                Workflow.newUntypedExternalWorkflowStub(WorkflowIds.request(next.getKey()))
                        .signal(HoldSignals.HOLDS_LIFTED, new HoldsLifted(next.getValue()));
            } catch (SignalExternalWorkflowException | ApplicationFailure gone) {
                // the deletion finished or never existed (NOT_FOUND arrives as an ApplicationFailure)
                log.info("request {} no longer runs; its lifted holds are dropped", next.getKey());
            }
        }
    }

    private boolean continueAsNewDue() {
        return Workflow.getInfo().isContinueAsNewSuggested()
                || Workflow.getInfo().getHistoryLength() > maxHistory;
    }

    private static Instant now() {
        return Instant.ofEpochMilli(Workflow.currentTimeMillis());
    }
}
