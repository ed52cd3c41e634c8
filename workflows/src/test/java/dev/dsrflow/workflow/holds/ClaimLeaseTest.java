package dev.dsrflow.workflow.holds;

import static dev.dsrflow.catalogue.InformationCategory.CONTENT;
import static dev.dsrflow.catalogue.InformationCategory.PROFILE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrflow.blob.FileSystemBlobStore;
import dev.dsrflow.certificate.CertificateSigner;
import dev.dsrflow.ledger.LedgerStore;
import dev.dsrflow.ledger.NewRequest;
import dev.dsrflow.model.DateRange;
import dev.dsrflow.model.ExportFormat;
import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.RequestPolicy;
import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.packaging.DownloadLinks;
import dev.dsrflow.product.Capability;
import dev.dsrflow.product.ProductCatalog;
import dev.dsrflow.product.ProductDescriptor;
import dev.dsrflow.product.ProductSettings;
import dev.dsrflow.temporal.TaskQueues;
import dev.dsrflow.workflow.OperatorAction;
import dev.dsrflow.workflow.OrchestratorWorkflows;
import dev.dsrflow.workflow.RequestWorkflow;
import dev.dsrflow.workflow.WorkflowIds;
import dev.dsrflow.workflow.deletion.DeletionWorkflow;
import dev.dsrflow.workflow.testing.MemoryProduct;
import dev.dsrflow.workflow.testing.MemoryProductActivities;
import dev.dsrflow.workflow.testing.TestRig;
import io.temporal.api.history.v1.ActivityTaskScheduledEventAttributes;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bound behind "no erase ever runs on a product while a hold covers it" when a product's
 * worker is away for longer than an erase claim's lease ({@link ClaimLease}): every erase and
 * verify call of a deletion is scheduled with a schedule-to-close timeout inside the lease, so
 * the server fails a call still waiting in the queue of an absent worker before the lease ends
 * (the product becomes FAILED, its claim is released) and no worker can start it afterwards.
 *
 * <p>The Java test server cannot play the absent worker itself: it stops skipping time while an
 * activity task waits to be polled (it locks time skipping when it schedules an activity task
 * until the task starts), so a time-skipping test of a queue nobody polls never reaches the
 * timeout. The timeouts are checked in the recorded history instead.
 */
class ClaimLeaseTest {
    private static final String SUBJECT = "sk-lease";
    private static final Instant T0 = TestRig.T0;

    /** Archive automates no restriction, so nothing of it runs before erasure. */
    private final ProductDescriptor archive = new ProductDescriptor(
            "archive",
            "The archive product",
            Set.of(CONTENT),
            EnumSet.of(Capability.LOCATE, Capability.ERASE, Capability.VERIFY, Capability.PRESERVE, Capability.RELEASE),
            true,
            "archive-handler/1.0");

    private final ProductDescriptor profile = TestRig.product("profile", true, PROFILE);
    private final MemoryProduct archiveData = new MemoryProduct(archive);
    private final MemoryProduct profileData = new MemoryProduct(profile);
    private final TestWorkflowEnvironment env;
    private final WorkflowClient client;
    private final LedgerStore ledger = TestRig.ledger();
    private final FileSystemBlobStore blobs;

    ClaimLeaseTest() throws Exception {
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setWorkflowClientOptions(WorkflowClientOptions.newBuilder()
                        .setDataConverter(TestRig.dataConverter())
                        .build())
                .setInitialTime(T0)
                .build());
        client = env.getWorkflowClient();
        blobs = new FileSystemBlobStore(Files.createTempDirectory("dsrflow-lease-blobs"));
        ProductCatalog catalog = new ProductCatalog(List.of(settings(archive), settings(profile)));
        env.newWorker(TaskQueues.product("profile"))
                .registerActivitiesImplementations(new MemoryProductActivities(profileData, blobs));
        env.newWorker(TaskQueues.product("archive"))
                .registerActivitiesImplementations(new MemoryProductActivities(archiveData, blobs));
        Worker orchestrator = env.newWorker(TaskQueues.ORCHESTRATOR);
        OrchestratorWorkflows.register(orchestrator, catalog, 2_000);
        HoldRegistryWorkers.register(
                env.newWorker(HoldRegistryWorkers.TASK_QUEUE, HoldRegistryWorkers.workerOptions()), 2_000);
        OrchestratorWorkflows.registerActivities(
                orchestrator,
                client,
                ledger,
                blobs,
                new DownloadLinks(TestRig.LINK_SECRET),
                new CertificateSigner(TestRig.CERT_SECRET, "test-key"),
                HoldRegistryWorkers.TASK_QUEUE);
        env.start();
    }

    private static ProductSettings settings(ProductDescriptor d) {
        return new ProductSettings(d, Duration.ofSeconds(30), Duration.ofSeconds(30), 2, Duration.ofMillis(100), 0);
    }

    @AfterEach
    void close() {
        env.close();
    }

    private RequestSpec spec(RequestType type, List<String> products) {
        return new RequestSpec(
                "r-" + UUID.randomUUID(),
                type,
                new SubjectIdentifiers("u-lease", null, null),
                SUBJECT,
                Jurisdiction.GDPR,
                products,
                Set.of(),
                DateRange.ALL,
                ExportFormat.JSON,
                null,
                "ops",
                Instant.ofEpochMilli(env.currentTimeMillis()),
                null,
                RequestPolicy.DEFAULT);
    }

    private <W extends RequestWorkflow> W start(Class<W> type, RequestSpec spec) {
        ledger.file(new NewRequest(spec, new byte[] {1}, List.of(spec.subjectKey()), null, null));
        W stub = client.newWorkflowStub(
                type,
                WorkflowOptions.newBuilder()
                        .setWorkflowId(WorkflowIds.request(spec.id()))
                        .setTaskQueue(TaskQueues.ORCHESTRATOR)
                        .build());
        WorkflowStub.fromTyped(stub).start(spec);
        return stub;
    }

    /** Waits (real time, polling) until what {@code read} returns satisfies the condition; returns it. */
    private static <T> T await(Supplier<T> read, Predicate<T> condition) {
        AtomicReference<T> last = new AtomicReference<>();
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(20))
                .ignoreExceptions()
                .until(() -> {
                    last.set(read.get());
                    return condition.test(last.get());
                });
        return last.get();
    }

    @Test
    void everyEraseAndVerifyCallOfADeletionMustEndWithinItsClaimLease() {
        archiveData.seed(SUBJECT, 3);
        profileData.seed(SUBJECT, 2);
        DeletionWorkflow deletion =
                start(DeletionWorkflow.class, spec(RequestType.DELETION, List.of("archive", "profile")));
        await(deletion::view, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
        deletion.approve(new OperatorAction("ops2", null));
        await(deletion::view, v -> v.status() == RequestStatus.GRACE_PERIOD);
        WorkflowStub.fromTyped(deletion).getResult(Void.class);

        List<ActivityTaskScheduledEventAttributes> calls =
                client.fetchHistory(WorkflowIds.request(deletion.view().id())).getHistory().getEventsList().stream()
                        .filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
                        .map(HistoryEvent::getActivityTaskScheduledEventAttributes)
                        .filter(a -> Set.of("ProductErase", "ProductVerifyErased")
                                .contains(a.getActivityType().getName()))
                        .toList();
        assertThat(calls)
                .as("two products, one erase and one verification each")
                .hasSize(4);
        assertThat(calls).allSatisfy(a -> {
            Duration timeout = Duration.ofSeconds(
                    a.getScheduleToCloseTimeout().getSeconds(),
                    a.getScheduleToCloseTimeout().getNanos());
            assertThat(timeout)
                    .as("schedule-to-close of %s", a.getActivityType().getName())
                    .isPositive()
                    .isLessThanOrEqualTo(ClaimLease.CALL_LIMIT)
                    .isLessThan(ClaimLease.LEASE.minus(ClaimLease.MARGIN));
        });
        assertThat(archiveData.liveRows(SUBJECT)).isZero();
    }

    @Test
    void aCallNeverOutlastsTheLeaseCountedFromWhenTheClaimWasAskedFor() {
        assertThat(ClaimLease.callTimeout(T0, T0)).hasValue(ClaimLease.CALL_LIMIT);
        Instant late = T0.plus(ClaimLease.LEASE).minus(ClaimLease.MARGIN).minus(Duration.ofHours(2));
        assertThat(ClaimLease.callTimeout(T0, late)).hasValue(Duration.ofHours(2));
        assertThat(ClaimLease.callTimeout(
                        T0,
                        late.plus(Duration.ofHours(2))
                                .minus(ClaimLease.MIN_CALL)
                                .plusSeconds(1)))
                .isEmpty();
        assertThat(ClaimLease.callTimeout(T0, T0.plus(Duration.ofDays(2)))).isEmpty();
        assertThat(HoldRegistryWorkflowImpl.CLAIM_LEASE).isEqualTo(ClaimLease.LEASE);
        assertThat(ClaimLease.CALL_LIMIT.multipliedBy(ClaimLease.CALLS_PER_LEASE))
                .isLessThanOrEqualTo(ClaimLease.LEASE.minus(ClaimLease.MARGIN));
    }
}
