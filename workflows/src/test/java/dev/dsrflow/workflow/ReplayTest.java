package dev.dsrflow.workflow;

import dev.dsrflow.catalogue.InformationCategory;
import dev.dsrflow.product.ProductCatalog;
import dev.dsrflow.product.ProductSettings;
import dev.dsrflow.temporal.TaskQueues;
import dev.dsrflow.workflow.testing.TestRig;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
        ProductCatalog catalog = new ProductCatalog(List.of(
                settings(TestRig.product("profile", true, InformationCategory.PROFILE)),
                settings(TestRig.product("content", true, InformationCategory.CONTENT)),
                settings(TestRig.product("legacy", false, InformationCategory.DEVICE))));
        OrchestratorWorkflows.register(worker, catalog);
    }

    private static ProductSettings settings(dev.dsrflow.product.ProductDescriptor d) {
        return new ProductSettings(d, Duration.ofSeconds(30), Duration.ofSeconds(30), 2, Duration.ofMillis(100), 0);
    }

    @AfterAll
    static void close() {
        env.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "access",
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
}
