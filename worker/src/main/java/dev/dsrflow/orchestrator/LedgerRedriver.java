package dev.dsrflow.orchestrator;

import dev.dsrflow.codec.SealedSpecs;
import dev.dsrflow.ledger.LedgerStore;
import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.temporal.TaskQueues;
import dev.dsrflow.workflow.RequestWorkflow;
import dev.dsrflow.workflow.WorkflowIds;
import dev.dsrflow.workflow.WorkflowTypes;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.scheduling.annotation.Scheduled;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * No accepted request is ever lost: every request the ledger holds that has not finished gets
 * its workflow (re)started from the sealed spec the API stored, with its original
 * {@code receivedAt} and so its original dates. Starting is idempotent (an existing workflow
 * is left alone). At start-up every unfinished request is checked (the embedded Temporal keeps
 * nothing across a restart; a deployment on a real cluster may switch this off with
 * {@code dsrflow.redrive.all-on-startup=false}); then, periodically, requests still RECEIVED a
 * minute after filing, which catches a start the API could not make.
 */
@Singleton
@Requires(property = "dsrflow.orchestrator.enabled", value = "true")
class LedgerRedriver implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerRedriver.class);
    private static final Duration STUCK_AFTER = Duration.ofMinutes(1);
    /** How long the re-drive of the rest waits for the re-driven preservations' holds. */
    static final Duration HOLDS_BACK_WITHIN = Duration.ofMinutes(2);

    private static final Duration HOLD_POLL = Duration.ofMillis(200);
    private static final String HOLD_REGISTERED = "HOLD_REGISTERED";

    private final LedgerStore ledger;
    private final SealedSpecs specs;
    private final WorkflowClient client;
    private final boolean allOnStartup;

    LedgerRedriver(
            LedgerStore ledger,
            SealedSpecs specs,
            WorkflowClient client,
            @Value("${dsrflow.redrive.all-on-startup:true}") boolean allOnStartup) {
        this.ledger = ledger;
        this.specs = specs;
        this.client = client;
        this.allOnStartup = allOnStartup;
    }

    /**
     * Re-drives every unfinished request, approved preservations first: when their workflows had to
     * be started again (the server kept nothing), the rest waits, on a thread of its own, until each
     * has placed its hold in the registry again (its {@code HOLD_REGISTERED} event), so that no
     * re-driven deletion claims a product before the hold that covered it is back. A preservation
     * that does not get there within {@link #HOLDS_BACK_WITHIN} is reported, and the rest goes on.
     */
    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (!allOnStartup) {
            return;
        }
        List<String> holds = ledger.approvedPreservations();
        Map<String, Integer> registered = new HashMap<>();
        holds.forEach(id -> registered.put(id, ledger.countEvents(id, HOLD_REGISTERED)));
        Pass pass = new Pass();
        List<String> restarted =
                holds.stream().filter(id -> redriveOne(id, pass)).toList();
        List<String> rest = new ArrayList<>(ledger.unfinished());
        rest.removeAll(holds);
        if (restarted.isEmpty()) {
            rest.forEach(id -> redriveOne(id, pass));
            logRedriven(pass);
            return;
        }
        Thread after = new Thread(
                () -> {
                    awaitHoldsBack(restarted, registered);
                    rest.forEach(id -> redriveOne(id, pass));
                    logRedriven(pass);
                },
                "dsrflow-redrive");
        after.setDaemon(true);
        after.start();
    }

    private void awaitHoldsBack(List<String> preservations, Map<String, Integer> registeredBefore) {
        Instant until = Instant.now().plus(HOLDS_BACK_WITHIN);
        List<String> waiting = new ArrayList<>(preservations);
        while (!waiting.isEmpty() && Instant.now().isBefore(until)) {
            waiting.removeIf(id -> ledger.countEvents(id, HOLD_REGISTERED) > registeredBefore.get(id));
            if (!waiting.isEmpty()) {
                try {
                    Thread.sleep(HOLD_POLL.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        if (!waiting.isEmpty()) {
            LOG.warn(
                    "{} re-driven preservation(s) did not place their hold within {}; re-driving the rest now",
                    waiting.size(),
                    HOLDS_BACK_WITHIN);
        }
    }

    private static void logRedriven(Pass pass) {
        if (pass.started > 0) {
            LOG.info("re-drove {} unfinished request(s) from the ledger", pass.started);
        }
        if (pass.alreadyThere > 0) {
            LOG.info("left {} unfinished request(s) as they are: Temporal still has their workflow", pass.alreadyThere);
        }
    }

    @Scheduled(fixedDelay = "${dsrflow.redrive.interval:60s}", initialDelay = "${dsrflow.redrive.interval:60s}")
    void periodically() {
        int started = redrive(ledger.stillReceived(Instant.now().minus(STUCK_AFTER)));
        if (started > 0) {
            LOG.info("started {} request(s) whose workflow the API could not start", started);
        }
    }

    /** Starts the workflow of each request that has none; returns how many started. */
    int redrive(List<String> ids) {
        Pass pass = new Pass();
        ids.forEach(id -> redriveOne(id, pass));
        return pass.started;
    }

    /** What one re-drive did: workflows started, and requests whose workflow Temporal still had. */
    private static final class Pass {
        private int started;
        private int alreadyThere;
    }

    /** Starts the request's workflow if it has none; true when it started one. */
    private boolean redriveOne(String id, Pass pass) {
        try {
            if (start(specs.open(ledger.specCiphertext(id).orElseThrow()))) {
                pass.started++;
                return true;
            }
            pass.alreadyThere++;
            return false;
        } catch (RuntimeException e) {
            LOG.warn("could not re-drive request {}: {}", id, e.getClass().getSimpleName());
            return false;
        }
    }

    private boolean start(RequestSpec spec) {
        WorkflowStub stub = client.newUntypedWorkflowStub(
                WorkflowTypes.of(spec.type()),
                WorkflowOptions.newBuilder()
                        .setWorkflowId(WorkflowIds.request(spec.id()))
                        .setTaskQueue(TaskQueues.ORCHESTRATOR)
                        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL)
                        // the new run re-applies the decisions operators recorded (only a re-driven run reads them)
                        .setMemo(Map.of(RequestWorkflow.REDRIVEN_MEMO, true))
                        .build());
        try {
            stub.start(spec);
            return true;
        } catch (WorkflowExecutionAlreadyStarted alreadyThere) {
            return false;
        }
    }
}
