package dev.dsrflow.workflow;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.product.activity.ProductStep;
import dev.dsrflow.temporal.TaskQueues;
import dev.dsrflow.workflow.access.AccessWorkflow;
import dev.dsrflow.workflow.lifecycle.CancelRule;
import dev.dsrflow.workflow.lifecycle.RequestWorkflowBase;
import dev.dsrflow.workflow.lifecycle.StepContext;
import dev.dsrflow.workflow.testing.TestRig;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.NonDeterministicException;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import io.temporal.worker.WorkflowImplementationOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays recorded histories (see {@link HistoryRecorder}) against today's workflow code with
 * the encrypted data converter: a change that alters a command sequence fails here (then, before
 * the first release, re-record them with {@link HistoryRecorder}; after it, guard the change).
 */
class ReplayTest {
    private static TestWorkflowEnvironment env;
    private static Worker worker;
    private static Worker changed;

    /**
     * An access workflow whose commands differ from the recorded ones: it waits a minute (a timer where the
     * recorded history resolves the subject) before locating.
     */
    static final class ChangedAccessWorkflow extends RequestWorkflowBase implements AccessWorkflow {
        ChangedAccessWorkflow(RequestSpec spec) {
            super(spec, ProductStep.LOCATE, CancelRule.BEFORE_COMPLETION);
        }

        @Override
        public void run(RequestSpec spec) {
            Workflow.sleep(Duration.ofMinutes(1));
            fanOut.run(state.products(), ProductStep.LOCATE, StepContext.of(state, null));
            end(RequestStatus.COMPLETED, "COMPLETED", "changed");
        }
    }

    @BeforeAll
    static void worker() {
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setWorkflowClientOptions(WorkflowClientOptions.newBuilder()
                        .setDataConverter(TestRig.dataConverter())
                        .build())
                .build());
        // a generous deadlock bound: on a loaded machine the first replay's class loading can take seconds
        worker = env.newWorker(
                TaskQueues.ORCHESTRATOR,
                WorkerOptions.newBuilder()
                        .setDefaultDeadlockDetectionTimeout(30_000)
                        .build());
        // no product catalogue: each recorded request carries the one it recorded at filing
        OrchestratorWorkflows.register(worker);
        changed = env.newWorker("changed");
        changed.registerWorkflowImplementationFactory(
                AccessWorkflow.class,
                args -> new ChangedAccessWorkflow(args.get(0, RequestSpec.class)),
                WorkflowImplementationOptions.newBuilder().build());
    }

    @AfterAll
    static void close() {
        env.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "access",
                "access-verified",
                "download",
                "deletion",
                "deletion-no-grace",
                "preservation",
                "holds",
                "access-batched",
                "access-batched-locate-b0",
                "deletion-batched-cancelled",
                "deletion-batched",
                "deletion-batched-erase-b1"
            })
    void recordedHistoryReplays(String name) throws Exception {
        WorkflowReplayer.replayWorkflowExecutionFromResource("histories/" + name + ".json", worker);
    }

    @Test
    void aChangedImplementationFailsToReplay() {
        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecutionFromResource("histories/access.json", changed))
                .hasMessageContaining(NonDeterministicException.class.getName())
                .hasMessageContaining("does not match command type COMMAND_TYPE_START_TIMER");
    }
}
