package dev.dsrflow.workflow.testing;

import dev.dsrflow.blob.BlobStore;
import dev.dsrflow.blob.FileSystemBlobStore;
import dev.dsrflow.catalogue.InformationCategory;
import dev.dsrflow.certificate.CertificateSigner;
import dev.dsrflow.codec.CodecKeys;
import dev.dsrflow.codec.EncryptedDataConverter;
import dev.dsrflow.ledger.LedgerSchema;
import dev.dsrflow.ledger.LedgerStore;
import dev.dsrflow.ledger.NewRequest;
import dev.dsrflow.ledger.RequestSnapshot;
import dev.dsrflow.model.DateRange;
import dev.dsrflow.model.ExportFormat;
import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.LegalProcess;
import dev.dsrflow.model.RequestPolicy;
import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.packaging.DownloadLinks;
import dev.dsrflow.product.Capability;
import dev.dsrflow.product.ProductCatalog;
import dev.dsrflow.product.ProductDescriptor;
import dev.dsrflow.product.ProductSettings;
import dev.dsrflow.temporal.TaskQueues;
import dev.dsrflow.testing.TestDatabase;
import dev.dsrflow.workflow.OrchestratorWorkflows;
import dev.dsrflow.workflow.RequestWorkflow;
import dev.dsrflow.workflow.WorkflowIds;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.converter.DataConverter;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * One time-skipping Temporal test environment with the encrypted data converter, the real
 * ledger on the shared test PostgreSQL, a blob store in a temp directory, the orchestrator
 * worker and one worker per in-memory product on its own task queue.
 */
public final class TestRig implements AutoCloseable {
    public static final String CODEC_KEYS =
            "k1:" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
    public static final byte[] LINK_SECRET = "download-link-secret-for-tests!!".getBytes(StandardCharsets.UTF_8);
    public static final byte[] CERT_SECRET = "certificate-secret-for-tests-32-bytes!!".getBytes(StandardCharsets.UTF_8);
    public static final Instant T0 = Instant.parse("2026-01-31T10:00:00Z");
    private static LedgerStore sharedLedger;

    public final TestWorkflowEnvironment env;
    public final WorkflowClient client;
    public final LedgerStore ledger;
    public final BlobStore blobs;
    public final ProductCatalog catalog;
    public final Map<String, MemoryProduct> products = new LinkedHashMap<>();

    public static DataConverter dataConverter() {
        return EncryptedDataConverter.create(CodecKeys.parse(CODEC_KEYS));
    }

    public static synchronized LedgerStore ledger() {
        if (sharedLedger == null) {
            var ds = TestDatabase.fresh();
            LedgerSchema.migrate(ds);
            sharedLedger = new LedgerStore(ds, dev.dsrflow.certificate.SigningKeys.of("test-key", CERT_SECRET));
        }
        return sharedLedger;
    }

    /** A product with every capability, automated unless said otherwise. */
    public static ProductDescriptor product(String id, boolean automated, InformationCategory... categories) {
        return new ProductDescriptor(
                id,
                "The " + id + " product",
                Set.of(categories),
                EnumSet.allOf(Capability.class),
                automated,
                id + "-handler/1.0");
    }

    public TestRig(List<ProductDescriptor> descriptors) {
        this(descriptors, 2_000, dataConverter());
    }

    /** A rig with the default (unencrypted) converter, for tests that read refusal reasons. */
    public static TestRig plain(List<ProductDescriptor> descriptors) {
        return new TestRig(descriptors, 2_000, io.temporal.common.converter.DefaultDataConverter.newDefaultInstance());
    }

    /**
     * A rig for hundreds of products: each product's worker polls with one thread (the default
     * five per worker would start thousands of threads).
     */
    public static TestRig many(List<ProductDescriptor> descriptors) {
        return new TestRig(
                descriptors,
                2_000,
                dataConverter(),
                WorkerOptions.newBuilder()
                        .setMaxConcurrentActivityTaskPollers(1)
                        .build(),
                // replaying a request of hundreds of products for a query can exceed the default 1 s on a loaded
                // machine
                WorkerOptions.newBuilder()
                        .setDefaultDeadlockDetectionTimeout(10_000)
                        .build());
    }

    public TestRig(List<ProductDescriptor> descriptors, int registryMaxHistory, DataConverter converter) {
        this(
                descriptors,
                registryMaxHistory,
                converter,
                WorkerOptions.getDefaultInstance(),
                WorkerOptions.getDefaultInstance());
    }

    private TestRig(
            List<ProductDescriptor> descriptors,
            int registryMaxHistory,
            DataConverter converter,
            WorkerOptions productWorkers,
            WorkerOptions orchestratorWorker) {
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setWorkflowClientOptions(WorkflowClientOptions.newBuilder()
                        .setDataConverter(converter)
                        .build())
                .setInitialTime(T0)
                .build());
        client = env.getWorkflowClient();
        ledger = ledger();
        try {
            blobs = new FileSystemBlobStore(Files.createTempDirectory("dsrflow-blobs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ProductSettings> settings = new ArrayList<>();
        for (ProductDescriptor d : descriptors) {
            settings.add(new ProductSettings(
                    d, Duration.ofSeconds(30), Duration.ofSeconds(30), 2, Duration.ofMillis(100), 0));
            MemoryProduct product = new MemoryProduct(d);
            products.put(d.id(), product);
            env.newWorker(TaskQueues.product(d.id()), productWorkers)
                    .registerActivitiesImplementations(new MemoryProductActivities(product, blobs));
        }
        catalog = new ProductCatalog(settings);
        Worker orchestrator = env.newWorker(TaskQueues.ORCHESTRATOR, orchestratorWorker);
        OrchestratorWorkflows.register(orchestrator, catalog, registryMaxHistory);
        // the hold registry on a worker of its own, as in the orchestrator worker
        dev.dsrflow.workflow.holds.HoldRegistryWorkers.register(
                env.newWorker(
                        dev.dsrflow.workflow.holds.HoldRegistryWorkers.TASK_QUEUE,
                        dev.dsrflow.workflow.holds.HoldRegistryWorkers.workerOptions()),
                registryMaxHistory);
        OrchestratorWorkflows.registerActivities(
                orchestrator,
                client,
                ledger,
                blobs,
                new DownloadLinks(LINK_SECRET),
                new CertificateSigner(CERT_SECRET, "test-key"),
                dev.dsrflow.workflow.holds.HoldRegistryWorkers.TASK_QUEUE);
        env.start();
    }

    public MemoryProduct product(String id) {
        return products.get(id);
    }

    /** A spec received at the environment's current time, filed by {@code ops}. */
    public RequestSpec spec(RequestType type, Jurisdiction jurisdiction, String subjectKey, List<String> productIds) {
        return spec(type, jurisdiction, subjectKey, productIds, null, RequestPolicy.DEFAULT);
    }

    public RequestSpec spec(
            RequestType type,
            Jurisdiction jurisdiction,
            String subjectKey,
            List<String> productIds,
            LegalProcess process,
            RequestPolicy policy) {
        return new RequestSpec(
                "r-" + UUID.randomUUID(),
                type,
                new SubjectIdentifiers("u-" + subjectKey, null, null),
                subjectKey,
                jurisdiction,
                productIds,
                Set.of(),
                DateRange.ALL,
                ExportFormat.JSON,
                process,
                "ops",
                Instant.ofEpochMilli(env.currentTimeMillis()),
                null,
                policy);
    }

    /** Files the request in the ledger (as the API does) and starts its workflow. */
    public <W extends RequestWorkflow> W start(Class<W> type, RequestSpec spec) {
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

    /** Waits (real time, polling the view query) until the request's view satisfies the condition. */
    public RequestSnapshot await(RequestWorkflow stub, Predicate<RequestSnapshot> condition) {
        RequestSnapshot[] last = new RequestSnapshot[1];
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(20))
                .ignoreExceptions()
                .until(() -> condition.test(last[0] = stub.view()));
        return last[0];
    }

    /**
     * Waits for the workflow to finish (time skips meanwhile). Time skips for the whole
     * environment, to the next timer of any workflow: when every other workflow idles without a
     * timer (waiting for an operator), that is the test server's 10-year default execution timeout
     * of the earliest-started one, and the workflows started just after it are then left a second
     * or less before they time out too. Use {@link #awaitEnded} when a workflow that idles like
     * that is used afterwards.
     */
    public void finish(RequestWorkflow stub) {
        WorkflowStub.fromTyped(stub).getResult(Void.class);
    }

    /**
     * Waits (real time, polling) until the workflow has closed, without letting time skip: for a
     * workflow whose end needs no timer, while another workflow of the test waits for an operator.
     */
    public void awaitEnded(RequestWorkflow stub) {
        WorkflowStub untyped = WorkflowStub.fromTyped(stub);
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(20))
                .until(() ->
                        untyped.describe().getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
    }

    @Override
    public void close() {
        env.close();
    }
}
