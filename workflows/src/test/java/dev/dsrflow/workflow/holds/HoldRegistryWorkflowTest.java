package dev.dsrflow.workflow.holds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrflow.catalogue.InformationCategory;
import dev.dsrflow.temporal.TaskQueues;
import dev.dsrflow.workflow.WorkflowIds;
import dev.dsrflow.workflow.testing.TestRig;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateStage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The registry on its own: update-with-start, claims, waiters, continue-as-new. */
class HoldRegistryWorkflowTest {
    private final TestRig rig = new TestRig(
            List.of(TestRig.product("content", true, InformationCategory.CONTENT)), 60, TestRig.dataConverter());

    @AfterEach
    void close() {
        rig.close();
    }

    private HoldRegistryWorkflow stub(String subject) {
        return rig.client.newWorkflowStub(
                HoldRegistryWorkflow.class,
                WorkflowOptions.newBuilder()
                        .setWorkflowId(WorkflowIds.holds(subject))
                        .setTaskQueue(TaskQueues.ORCHESTRATOR)
                        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                        .build());
    }

    private HoldRegistryState placeWithStart(String subject, HoldPlacement placement) {
        HoldRegistryWorkflow registry = stub(subject);
        WithStartWorkflowOperation<Void> start =
                new WithStartWorkflowOperation<>(registry::run, HoldRegistryState.EMPTY);
        return WorkflowClient.executeUpdateWithStart(
                registry::placeHold,
                placement,
                UpdateOptions.newBuilder(HoldRegistryState.class)
                        .setWaitForStage(WorkflowUpdateStage.COMPLETED)
                        .build(),
                start);
    }

    @Test
    void aHeldProductRefusesClaimsAndTheRegistryKeepsItsStateAcrossContinueAsNew() {
        HoldRegistryState placed = placeWithStart(
                "sk-r", new HoldPlacement("h1", "p1", List.of("content"), Instant.parse("2027-01-01T00:00:00Z")));
        assertThat(placed.holds()).hasSize(1);
        HoldRegistryWorkflow registry =
                rig.client.newWorkflowStub(HoldRegistryWorkflow.class, WorkflowIds.holds("sk-r"));
        for (int i = 0; i < 40; i++) {
            assertThat(granted(registry, "d" + i, "content")).isFalse();
            assertThat(granted(registry, "d" + i, "profile")).isTrue();
            registry.releaseClaims(claims("d" + i, "profile"));
        }
        HoldRegistryState state = registry.state();
        assertThat(state.holds())
                .extracting(HoldRegistryState.ActiveHold::holdId)
                .containsExactly("h1");
        assertThat(state.waiters()).hasSize(40);
        assertThat(state.claims()).isEmpty();
        var currentRun = rig.client.fetchHistory(WorkflowIds.holds("sk-r")).getEvents();
        assertThat(currentRun
                        .get(0)
                        .getWorkflowExecutionStartedEventAttributes()
                        .getContinuedExecutionRunId())
                .as("the registry continued as new")
                .isNotEmpty();
        assertThat(currentRun.size()).isLessThan(200);

        retrying(() -> registry.endHold(new HoldChange("h1", null)));
        assertThat(registry.state().holds()).isEmpty();
        assertThat(registry.state().waiters()).as("every waiter was freed").isEmpty();
        // an update racing a continue-as-new is answered NOT_FOUND; the activity that sends it retries
        assertThat(retrying(() -> granted(registry, "d0", "content"))).isTrue();
    }

    private static EraseClaims claims(String requestId, String... products) {
        return new EraseClaims("sk", requestId, List.of(products));
    }

    private static boolean granted(HoldRegistryWorkflow registry, String requestId, String product) {
        return registry.claimErases(claims(requestId, product)).held().isEmpty();
    }

    private static <T> T retrying(java.util.function.Supplier<T> update) {
        for (int attempt = 1; ; attempt++) {
            try {
                return update.get();
            } catch (io.temporal.client.WorkflowNotFoundException raced) {
                if (attempt == 5) {
                    throw raced;
                }
            }
        }
    }

    @Test
    void oneBatchedClaimGrantsTheUnheldProductsWaitsOnTheHeldOnesAndItsClaimsOutliveContinueAsNew() {
        placeWithStart("sk-b", new HoldPlacement("h1", "p1", List.of("content"), null));
        HoldRegistryWorkflow registry =
                rig.client.newWorkflowStub(HoldRegistryWorkflow.class, WorkflowIds.holds("sk-b"));
        ClaimedProducts answer = registry.claimErases(claims("d1", "profile", "content", "ads"));
        assertThat(answer.granted()).containsExactly("profile", "ads");
        assertThat(answer.held()).containsExactly("content");
        assertThat(granted(registry, "d2", "content"))
                .as("the hold still refuses one by one")
                .isFalse();

        for (int i = 0; i < 30; i++) { // enough updates for the registry (bound: 60 events) to continue as new
            retrying(() -> registry.renewHold(new HoldChange("h1", null)));
        }
        assertThat(rig.client
                        .fetchHistory(WorkflowIds.holds("sk-b"))
                        .getEvents()
                        .get(0)
                        .getWorkflowExecutionStartedEventAttributes()
                        .getContinuedExecutionRunId())
                .as("continued as new")
                .isNotEmpty();
        HoldRegistryState carried = retrying(registry::state);
        assertThat(carried.claims())
                .extracting(HoldRegistryState.Claim::requestId, HoldRegistryState.Claim::product)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("d1", "profile"),
                        org.assertj.core.groups.Tuple.tuple("d1", "ads"));
        assertThat(carried.waiters())
                .extracting(HoldRegistryState.Waiter::requestId)
                .containsExactly("d1", "d2");

        // a hold on a claimed product waits for the claim, as for an erase already running
        var placing = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> registry.placeHold(new HoldPlacement("h2", "p2", List.of("ads"), null)));
        org.awaitility.Awaitility.await()
                .during(java.time.Duration.ofMillis(500))
                .atMost(java.time.Duration.ofSeconds(2))
                .until(() -> !placing.isDone());
        assertThat(registry.releaseClaims(claims("d1", "ads"))).isEqualTo(1);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(placing::isDone);
        assertThat(placing.join().claims())
                .as("the hold never waited for the other product's erase")
                .extracting(HoldRegistryState.Claim::product)
                .containsExactly("profile");
        assertThat(registry.releaseClaims(claims("d1", "profile", "ads")))
                .as("releasing twice is harmless")
                .isEqualTo(1);
        assertThat(registry.state().claims()).isEmpty();
    }

    @Test
    void aHoldWaitsForAnEraseAlreadyRunningOnItsProductsAndRefusesNewOnes() {
        placeWithStart("sk-w", new HoldPlacement("h0", "p0", List.of("other"), null));
        HoldRegistryWorkflow registry =
                rig.client.newWorkflowStub(HoldRegistryWorkflow.class, WorkflowIds.holds("sk-w"));
        assertThat(granted(registry, "d1", "content")).isTrue();

        var placing = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> registry.placeHold(new HoldPlacement("h1", "p1", List.of("content"), null)));
        org.awaitility.Awaitility.await()
                .during(java.time.Duration.ofMillis(500))
                .atMost(java.time.Duration.ofSeconds(2))
                .until(() -> !placing.isDone());
        assertThat(granted(registry, "d2", "content"))
                .as("new erases refused at once")
                .isFalse();

        registry.releaseClaims(claims("d1", "content"));
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(placing::isDone);
        assertThat(placing.join().holds())
                .extracting(HoldRegistryState.ActiveHold::holdId)
                .containsExactly("h0", "h1");
    }
}
