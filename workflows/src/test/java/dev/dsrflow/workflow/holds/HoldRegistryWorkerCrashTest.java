package dev.dsrflow.workflow.holds;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The registry outlives the orchestrator that ran it: after that worker is gone, the next call
 * is answered by another worker polling {@link HoldRegistryWorkers#TASK_QUEUE}. On the Temporal
 * test server (no sticky schedule-to-start timeout) a registry left sticky on the dead worker
 * would never run again.
 */
class HoldRegistryWorkerCrashTest {
    private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());

    @AfterEach
    void close() {
        env.close();
    }

    private WorkerFactory orchestrator() {
        WorkerFactory factory = WorkerFactory.newInstance(env.getWorkflowClient());
        HoldRegistryWorkers.register(
                factory.newWorker(HoldRegistryWorkers.TASK_QUEUE, HoldRegistryWorkers.workerOptions()),
                HoldRegistryWorkflowImpl.DEFAULT_MAX_HISTORY);
        factory.start();
        return factory;
    }

    @Test
    void aCallAfterTheRegistrysWorkerDiedIsAnsweredByTheNextOne() throws Exception {
        WorkflowClient client = env.getWorkflowClient();
        HoldRegistryActivitiesImpl calls = new HoldRegistryActivitiesImpl(client, HoldRegistryWorkers.TASK_QUEUE);
        WorkerFactory first = orchestrator();
        ClaimedProducts claimed =
                calls.claimErases(new EraseClaims("sk-crash", "d1", List.of("content", "profile")), "d1/r/holds-1");
        assertThat(claimed.granted()).containsExactlyInAnyOrder("content", "profile");
        // the orchestrator goes away without a word to the server (as a killed process would)
        first.shutdownNow();
        first.awaitTermination(10, TimeUnit.SECONDS);
        WorkerFactory second = orchestrator();
        try {
            int released = CompletableFuture.supplyAsync(() -> calls.releaseClaims(
                            new EraseClaims("sk-crash", "d1", List.of("content", "profile")), "d1/r/holds-2"))
                    .get(Duration.ofSeconds(30).toSeconds(), TimeUnit.SECONDS);
            assertThat(released).isEqualTo(2);
        } finally {
            second.shutdownNow();
        }
    }
}
