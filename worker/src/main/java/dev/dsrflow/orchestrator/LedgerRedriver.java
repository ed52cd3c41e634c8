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

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (!allOnStartup) {
            return;
        }
        int started = redrive(ledger.unfinished());
        if (started > 0) {
            LOG.info("re-drove {} unfinished request(s) from the ledger", started);
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
        int started = 0;
        for (String id : ids) {
            try {
                if (start(specs.open(ledger.specCiphertext(id).orElseThrow()))) {
                    started++;
                }
            } catch (RuntimeException e) {
                LOG.warn("could not re-drive request {}: {}", id, e.getClass().getSimpleName());
            }
        }
        return started;
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
