package dev.dsrflow.workflow.deletion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrflow.model.DateRange;
import dev.dsrflow.model.ExportFormat;
import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.RequestPolicy;
import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.product.RecordedCatalogue;
import dev.dsrflow.temporal.TaskQueues;
import dev.dsrflow.workflow.WorkflowIds;
import dev.dsrflow.workflow.holds.ClaimedProducts;
import dev.dsrflow.workflow.holds.EraseClaims;
import dev.dsrflow.workflow.holds.HoldChange;
import dev.dsrflow.workflow.holds.HoldPlacement;
import dev.dsrflow.workflow.holds.HoldRegistryActivities;
import dev.dsrflow.workflow.holds.HoldRegistryState;
import dev.dsrflow.workflow.holds.HoldRegistryWorkers;
import dev.dsrflow.workflow.holds.HoldRegistryWorkflow;
import dev.dsrflow.workflow.testing.TestRig;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInfo;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The deletion's registry calls as local activities ({@link HoldClaims}): each attempt of a call is
 * delivered to the registry, then loses its answer
 * (as if the worker died before recording the marker); the local retry carries the same update
 * id, so the registry applies every call once.
 */
class HoldClaimsRetryTest {
    private static final String SUBJECT = "sk-lr";

    /** Makes a deletion's registry calls exactly as the deletion does, without the products. */
    @WorkflowInterface
    public interface ClaimsProbe {
        @WorkflowMethod
        List<String> run(RequestSpec spec);
    }

    public static final class ClaimsProbeImpl implements ClaimsProbe {
        @Override
        public List<String> run(RequestSpec spec) {
            HoldClaims claims = new HoldClaims(spec);
            List<String> held = claims.claimAll(spec.products());
            List<Promise<Void>> finishing = new ArrayList<>();
            for (String product : spec.products()) {
                if (!held.contains(product)) {
                    assertGranted(claims.claim(product));
                    finishing.add(Async.procedure(() -> claims.release(product))); // in one workflow task: one batch
                }
            }
            Promise.allOf(finishing).get();
            List<String> out = new ArrayList<>(held);
            for (String product : held) {
                out.add(product + (claims.claim(product).isEmpty() ? ":granted" : ":refused"));
            }
            return out;
        }

        private static void assertGranted(List<String> heldBy) {
            if (!heldBy.isEmpty()) {
                throw new IllegalStateException("a claim granted up front was refused");
            }
        }
    }

    /** Delivers every update-id call, then fails its first attempt after the registry applied it. */
    static final class AnswerLosingHolds implements HoldRegistryActivities {
        final HoldRegistryActivities real;
        final Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        final List<String> attempts = Collections.synchronizedList(new ArrayList<>());

        AnswerLosingHolds(HoldRegistryActivities real) {
            this.real = real;
        }

        private <T> T loseFirstAnswer(String updateId, T answer) {
            ActivityInfo info = Activity.getExecutionContext().getInfo();
            attempts.add(updateId + " attempt " + info.getAttempt() + " activity " + info.getActivityId() + " local "
                    + info.isLocal());
            if (failedOnce.add(updateId)) {
                throw new IllegalStateException("worker lost the answer of " + updateId);
            }
            return answer;
        }

        @Override
        public ClaimedProducts claimErases(EraseClaims claims, String updateId) {
            return loseFirstAnswer(updateId, real.claimErases(claims, updateId));
        }

        @Override
        public int releaseClaims(EraseClaims claims, String updateId) {
            return loseFirstAnswer(updateId, real.releaseClaims(claims, updateId));
        }

        @Override
        public HoldRegistryState placeHold(String subjectKey, HoldPlacement placement) {
            return real.placeHold(subjectKey, placement);
        }

        @Override
        public HoldRegistryState renewHold(String subjectKey, HoldChange change) {
            return real.renewHold(subjectKey, change);
        }

        @Override
        public HoldRegistryState endHold(String subjectKey, HoldChange change) {
            return real.endHold(subjectKey, change);
        }
    }

    private AnswerLosingHolds holds;
    private final TestRig rig = TestRig.builder()
            .registryActivities(real -> holds = new AnswerLosingHolds(real))
            .workflows(ClaimsProbeImpl.class)
            .build();

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void aRetriedLocalRegistryCallIsAppliedOnce() throws Exception {
        WorkflowClient client = rig.client;
        holdContent(client);

        RequestSpec spec = new RequestSpec(
                "d-lr",
                RequestType.DELETION,
                new SubjectIdentifiers("u-lr", null, null),
                SUBJECT,
                Jurisdiction.GDPR,
                List.of("profile", "content", "ads"),
                Set.of(),
                DateRange.ALL,
                ExportFormat.JSON,
                null,
                "ops",
                TestRig.T0,
                null,
                RequestPolicy.DEFAULT,
                RecordedCatalogue.of(rig.catalog.forRequest(List.of("profile", "content", "ads"))));
        ClaimsProbe probe = client.newWorkflowStub(
                ClaimsProbe.class,
                WorkflowOptions.newBuilder()
                        .setWorkflowId(WorkflowIds.request(spec.id()))
                        .setTaskQueue(TaskQueues.ORCHESTRATOR)
                        .build());
        assertThat(probe.run(spec)).containsExactly("content", "content:refused");

        // three calls (batched claim, one release for both granted products, the re-claim), each tried twice
        assertThat(holds.failedOnce).hasSize(3);
        assertThat(holds.attempts).hasSize(6);
        String prefix = WorkflowIds.request(spec.id()) + "/";
        assertThat(holds.failedOnce)
                .allSatisfy(id -> assertThat(id).startsWith(prefix).contains("/holds-"));
        // as observed with SDK 1.38: a local retry keeps the SDK's activity id too (a UUID from the
        // workflow's deterministic random); the explicit update id does not depend on it
        assertThat(holds.attempts).allSatisfy(a -> assertThat(a).endsWith("local true"));
        assertThat(holds.attempts.stream()
                        .map(a -> a.replaceAll(" attempt \\d+", ""))
                        .distinct())
                .hasSize(3);

        List<HistoryEvent> registry =
                client.fetchHistory(WorkflowIds.holds(SUBJECT)).getEvents();
        List<String> accepted = registry.stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED)
                .map(e -> e.getWorkflowExecutionUpdateAcceptedEventAttributes()
                        .getAcceptedRequest()
                        .getMeta()
                        .getUpdateId())
                .toList();
        assertThat(accepted)
                .as("each call applied once, the hold placement besides")
                .hasSize(4)
                .doesNotHaveDuplicates()
                .containsAll(holds.failedOnce);

        HoldRegistryState state = client.newWorkflowStub(HoldRegistryWorkflow.class, WorkflowIds.holds(SUBJECT))
                .state();
        assertThat(state.claims()).as("both granted claims were released").isEmpty();
        assertThat(state.waiters())
                .extracting(HoldRegistryState.Waiter::requestId, HoldRegistryState.Waiter::products)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("d-lr", Set.of("content")));

        // the probe's history replays: the update ids come from workflow state, not from the attempts
        rig.replay(client.fetchHistory(WorkflowIds.request(spec.id())));
    }

    private static void holdContent(WorkflowClient client) {
        HoldRegistryWorkflow registry = client.newWorkflowStub(
                HoldRegistryWorkflow.class,
                WorkflowOptions.newBuilder()
                        .setWorkflowId(WorkflowIds.holds(SUBJECT))
                        .setTaskQueue(HoldRegistryWorkers.TASK_QUEUE)
                        .setWorkflowIdConflictPolicy(
                                io.temporal.api.enums.v1.WorkflowIdConflictPolicy
                                        .WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                        .build());
        WorkflowClient.executeUpdateWithStart(
                registry::placeHold,
                new HoldPlacement("h-lr", "p-lr", List.of("content"), null),
                io.temporal.client.UpdateOptions.newBuilder(HoldRegistryState.class)
                        .setWaitForStage(io.temporal.client.WorkflowUpdateStage.COMPLETED)
                        .build(),
                new io.temporal.client.WithStartWorkflowOperation<>(registry::run, HoldRegistryState.EMPTY));
    }
}
