package dev.dsrflow.workflow.testing;

import dev.dsrflow.blob.BlobStore;
import dev.dsrflow.blob.FileSystemBlobStore;
import dev.dsrflow.catalogue.InformationCategory;
import dev.dsrflow.certificate.CertificateSigner;
import dev.dsrflow.codec.CodecKeys;
import dev.dsrflow.codec.EncryptedDataConverter;
import dev.dsrflow.codec.SealedContacts;
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
import dev.dsrflow.model.SubjectKey;
import dev.dsrflow.model.Verification;
import dev.dsrflow.notification.NoticeMail;
import dev.dsrflow.notification.NoticeObserver;
import dev.dsrflow.notification.NoticeOutbox;
import dev.dsrflow.notification.NoticeSettings;
import dev.dsrflow.notification.StatusTokens;
import dev.dsrflow.notification.SubjectNoticeActivitiesImpl;
import dev.dsrflow.notification.VerificationCodes;
import dev.dsrflow.packaging.DownloadLinks;
import dev.dsrflow.product.Capability;
import dev.dsrflow.product.ProductCatalog;
import dev.dsrflow.product.ProductDescriptor;
import dev.dsrflow.product.ProductSettings;
import dev.dsrflow.product.RecordedCatalogue;
import dev.dsrflow.temporal.TaskQueues;
import dev.dsrflow.testing.TestDatabase;
import dev.dsrflow.workflow.OrchestratorWorkflows;
import dev.dsrflow.workflow.RequestWorkflow;
import dev.dsrflow.workflow.WorkflowIds;
import dev.dsrflow.workflow.holds.HoldRegistryActivities;
import dev.dsrflow.workflow.holds.HoldRegistryActivitiesImpl;
import dev.dsrflow.workflow.holds.HoldRegistryWorkers;
import dev.dsrflow.workflow.lifecycle.IdentityCheck;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.interceptors.WorkerInterceptor;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
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
import java.util.function.Function;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.awaitility.Awaitility;

/**
 * The one fixture for workflow tests: a time-skipping Temporal test environment with the
 * encrypted data converter, the real ledger on the shared test PostgreSQL, a blob store in a temp
 * directory, the orchestrator worker, the hold registry's worker, and one worker per product on
 * its own task queue. By default the products are in-memory ({@link MemoryProduct}); a
 * {@link Builder} configures other products (the demo products behind the real adapter:
 * {@code demo.DemoRig}), other registry activities, extra workflow types, the converter and the
 * worker options.
 */
public final class TestRig implements AutoCloseable {
    public static final String CODEC_KEYS =
            "k1:" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
    public static final byte[] LINK_SECRET = "download-link-secret-for-tests!!".getBytes(StandardCharsets.UTF_8);
    /** The subject keys the rig's workflows compute for resolved identifiers (the API's HMAC, a test secret). */
    public static final SubjectKey SUBJECT_KEY =
            new SubjectKey("subject-key-secret-for-tests-32b".getBytes(StandardCharsets.UTF_8));

    public static final byte[] CERT_SECRET = "certificate-secret-for-tests-32-bytes!!".getBytes(StandardCharsets.UTF_8);
    public static final Instant T0 = Instant.parse("2026-01-31T10:00:00Z");
    private static LedgerStore sharedLedger;

    public final TestWorkflowEnvironment env;
    public final WorkflowClient client;
    public final LedgerStore ledger;
    public final BlobStore blobs;
    public final ProductCatalog catalog;
    public final Map<String, MemoryProduct> products = new LinkedHashMap<>();
    /** What the notice activity handed to the relay. */
    public final Mailbox mailbox = new Mailbox();
    /** Where notices to subjects are sent from the tests. */
    public static final String SUBJECT_ADDRESS = "subject@example.com";

    private static DataSource sharedDataSource;
    private final Duration awaitAtMost;
    private final Worker orchestrator;

    public static DataConverter dataConverter() {
        return EncryptedDataConverter.create(CodecKeys.parse(CODEC_KEYS));
    }

    public static synchronized LedgerStore ledger() {
        if (sharedLedger == null) {
            var ds = TestDatabase.fresh();
            sharedDataSource = ds;
            LedgerSchema.migrate(ds);
            sharedLedger = new LedgerStore(ds, dev.dsrflow.certificate.SigningKeys.of("test-key", CERT_SECRET));
        }
        return sharedLedger;
    }

    /** Eight products, as the benchmark's requests name them. */
    public static final List<String> EIGHT =
            List.of("profile", "content", "messaging", "connections", "commerce", "ads", "telemetry", "partners");

    /** {@link #EIGHT} as automated products, each with an information category of its own. */
    public static List<ProductDescriptor> eight() {
        InformationCategory[] cats = InformationCategory.values();
        List<ProductDescriptor> out = new ArrayList<>();
        for (int i = 0; i < EIGHT.size(); i++) {
            out.add(product(EIGHT.get(i), true, cats[i]));
        }
        return out;
    }

    /** A product with every step's capability (not RESOLVE: it owns no identity), automated unless said otherwise. */
    public static ProductDescriptor product(String id, boolean automated, InformationCategory... categories) {
        return new ProductDescriptor(
                id,
                "The " + id + " product",
                Set.of(categories),
                EnumSet.complementOf(EnumSet.of(Capability.RESOLVE)),
                automated,
                id + "-handler/1.0");
    }

    /** An automated product with every capability, RESOLVE included: it owns identity (its memory answers). */
    public static ProductDescriptor identityProduct(String id, InformationCategory... categories) {
        return new ProductDescriptor(
                id,
                "The " + id + " product",
                Set.of(categories),
                EnumSet.allOf(Capability.class),
                true,
                id + "-handler/1.0");
    }

    /** The settings the rig gives an in-memory product: 2 attempts, short timeouts. */
    public static ProductSettings settings(ProductDescriptor d) {
        return new ProductSettings(d, Duration.ofSeconds(30), Duration.ofSeconds(30), 2, Duration.ofMillis(100), 0);
    }

    /** A rig over in-memory products. */
    public TestRig(List<ProductDescriptor> descriptors) {
        this(builder().memoryProducts(descriptors));
    }

    /** A rig with the default (unencrypted) converter, for tests that read refusal reasons. */
    public static TestRig plain(List<ProductDescriptor> descriptors) {
        return builder()
                .memoryProducts(descriptors)
                .dataConverter(io.temporal.common.converter.DefaultDataConverter.newDefaultInstance())
                .build();
    }

    /**
     * A rig for hundreds of products: each product's worker polls with one thread (the default
     * five per worker would start thousands of threads).
     */
    public static TestRig many(List<ProductDescriptor> descriptors) {
        return builder()
                .memoryProducts(descriptors)
                .productWorkerOptions(WorkerOptions.newBuilder()
                        .setMaxConcurrentActivityTaskPollers(1)
                        .build())
                // replaying a request of hundreds of products for a query can exceed the default 1 s on a loaded
                // machine
                .orchestratorWorkerOptions(WorkerOptions.newBuilder()
                        .setDefaultDeadlockDetectionTimeout(10_000)
                        .build())
                .build();
    }

    public TestRig(List<ProductDescriptor> descriptors, int registryMaxHistory, DataConverter converter) {
        this(builder()
                .memoryProducts(descriptors)
                .registryMaxHistory(registryMaxHistory)
                .dataConverter(converter));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** One product's worker: its settings and the activity implementation on its queue. */
    public record ProductWorker(ProductSettings settings, Object activities) {}

    /** What product workers may need from the rig when they are built. */
    public record Setup(TestWorkflowEnvironment env, BlobStore blobs) {}

    /** How a rig is configured; {@link #build} starts it. */
    public static final class Builder {
        private List<ProductDescriptor> memoryProducts = List.of();
        private Function<Setup, List<ProductWorker>> productWorkers;
        private int registryMaxHistory = 2_000;
        private DataConverter converter = TestRig.dataConverter();
        private WorkerOptions productWorkerOptions = WorkerOptions.getDefaultInstance();
        private WorkerOptions orchestratorWorkerOptions = WorkerOptions.getDefaultInstance();
        private Function<HoldRegistryActivities, HoldRegistryActivities> registryActivities = Function.identity();
        private final List<Class<?>> workflowTypes = new ArrayList<>();
        private Duration awaitAtMost = Duration.ofSeconds(20);
        private Function<DataSource, NoticeOutbox> noticeOutbox = NoticeOutbox::new;
        private final List<WorkerInterceptor> interceptors = new ArrayList<>();

        /** In-memory products, one per descriptor (the default). */
        public Builder memoryProducts(List<ProductDescriptor> descriptors) {
            this.memoryProducts = List.copyOf(descriptors);
            return this;
        }

        /** Products of the test's own making instead of in-memory ones. */
        public Builder productWorkers(Function<Setup, List<ProductWorker>> workers) {
            this.productWorkers = workers;
            return this;
        }

        /** The hold registry continues as new after this many events (tests lower it). */
        public Builder registryMaxHistory(int events) {
            this.registryMaxHistory = events;
            return this;
        }

        public Builder dataConverter(DataConverter converter) {
            this.converter = converter;
            return this;
        }

        public Builder productWorkerOptions(WorkerOptions options) {
            this.productWorkerOptions = options;
            return this;
        }

        public Builder orchestratorWorkerOptions(WorkerOptions options) {
            this.orchestratorWorkerOptions = options;
            return this;
        }

        /** Wraps the real hold-registry activities (e.g. to lose their answers). */
        public Builder registryActivities(Function<HoldRegistryActivities, HoldRegistryActivities> wrap) {
            this.registryActivities = wrap;
            return this;
        }

        /** Registers more workflow implementation types on the orchestrator worker (probes, baselines). */
        public Builder workflows(Class<?>... implementations) {
            workflowTypes.addAll(List.of(implementations));
            return this;
        }

        /** How long {@link TestRig#await} waits for a condition (real time). */
        /** Replaces the notice outbox (a test makes it fail after a send). */
        public Builder noticeOutbox(Function<DataSource, NoticeOutbox> outbox) {
            this.noticeOutbox = outbox;
            return this;
        }

        /** Interceptors on every worker of the rig (a probe that watches what workflows do). */
        public Builder workerInterceptors(WorkerInterceptor... probes) {
            interceptors.addAll(List.of(probes));
            return this;
        }

        public Builder awaitAtMost(Duration limit) {
            this.awaitAtMost = limit;
            return this;
        }

        public TestRig build() {
            return new TestRig(this);
        }
    }

    private TestRig(Builder b) {
        awaitAtMost = b.awaitAtMost;
        TestEnvironmentOptions.Builder options = TestEnvironmentOptions.newBuilder()
                .setWorkflowClientOptions(WorkflowClientOptions.newBuilder()
                        .setDataConverter(b.converter)
                        .build())
                .setInitialTime(T0);
        if (!b.interceptors.isEmpty()) {
            options.setWorkerFactoryOptions(WorkerFactoryOptions.newBuilder()
                    .setWorkerInterceptors(b.interceptors.toArray(WorkerInterceptor[]::new))
                    .build());
        }
        env = TestWorkflowEnvironment.newInstance(options.build());
        client = env.getWorkflowClient();
        ledger = ledger();
        try {
            blobs = new FileSystemBlobStore(Files.createTempDirectory("dsrflow-blobs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ProductWorker> workers = new ArrayList<>();
        for (ProductDescriptor d : b.memoryProducts) {
            MemoryProduct product = new MemoryProduct(d);
            products.put(d.id(), product);
            workers.add(new ProductWorker(settings(d), new MemoryProductActivities(product, blobs)));
        }
        if (b.productWorkers != null) {
            workers.addAll(b.productWorkers.apply(new Setup(env, blobs)));
        }
        List<ProductSettings> settings = new ArrayList<>();
        for (ProductWorker w : workers) {
            settings.add(w.settings());
            env.newWorker(TaskQueues.product(w.settings().id()), b.productWorkerOptions)
                    .registerActivitiesImplementations(w.activities());
        }
        catalog = new ProductCatalog(settings);
        orchestrator = env.newWorker(TaskQueues.ORCHESTRATOR, b.orchestratorWorkerOptions);
        OrchestratorWorkflows.register(orchestrator, b.registryMaxHistory);
        if (!b.workflowTypes.isEmpty()) {
            orchestrator.registerWorkflowImplementationTypes(b.workflowTypes.toArray(Class<?>[]::new));
        }
        // the hold registry on a worker of its own, as in the orchestrator worker
        HoldRegistryWorkers.register(
                env.newWorker(HoldRegistryWorkers.TASK_QUEUE, HoldRegistryWorkers.workerOptions()),
                b.registryMaxHistory);
        OrchestratorWorkflows.registerActivities(
                orchestrator,
                b.registryActivities.apply(new HoldRegistryActivitiesImpl(client, HoldRegistryWorkers.TASK_QUEUE)),
                ledger,
                blobs,
                new DownloadLinks(LINK_SECRET),
                new CertificateSigner(CERT_SECRET, "test-key"),
                SUBJECT_KEY);
        orchestrator.registerActivitiesImplementations(new SubjectNoticeActivitiesImpl(
                ledger,
                new SealedContacts(CodecKeys.parse(CODEC_KEYS)),
                b.noticeOutbox.apply(sharedDataSource),
                new NoticeMail(
                        new NoticeSettings(
                                "https://privacy.example.com",
                                "the Data Protection Commission",
                                "https://www.dataprotection.ie",
                                IdentityCheck.CODE_TTL),
                        new StatusTokens(LINK_SECRET)),
                new VerificationCodes(LINK_SECRET),
                mailbox,
                blobs,
                NoticeObserver.NONE));
        env.start();
    }

    /** {@code spec} as the privacy center files it: verification required, notices to {@link #SUBJECT_ADDRESS}. */
    public static RequestSpec selfService(RequestSpec spec) {
        return new RequestSpec(
                spec.id(),
                spec.type(),
                spec.subject(),
                spec.subjectKey(),
                spec.jurisdiction(),
                spec.products(),
                spec.categories(),
                spec.dateRange(),
                spec.format(),
                spec.legalProcess(),
                "privacy-center",
                spec.receivedAt(),
                spec.note(),
                spec.policy(),
                spec.catalogue(),
                Verification.REQUIRED,
                true);
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
                policy,
                RecordedCatalogue.of(catalog.forRequest(productIds)));
    }

    /** Files the request in the ledger (as the API does) and starts its workflow. */
    public <W extends RequestWorkflow> W start(Class<W> type, RequestSpec spec) {
        byte[] contact =
                spec.notifySubject() ? new SealedContacts(CodecKeys.parse(CODEC_KEYS)).seal(SUBJECT_ADDRESS) : null;
        ledger.file(new NewRequest(spec, new byte[] {1}, List.of(spec.subjectKey()), null, null, contact));
        W stub = client.newWorkflowStub(
                type,
                WorkflowOptions.newBuilder()
                        .setWorkflowId(WorkflowIds.request(spec.id()))
                        .setTaskQueue(TaskQueues.ORCHESTRATOR)
                        .build());
        WorkflowStub.fromTyped(stub).start(spec);
        return stub;
    }

    /**
     * Starts the request's workflow again as the ledger's re-driver does after the first one was
     * lost (here: terminated): same id, no new filing, the memo that makes the run re-apply the
     * decisions operators recorded.
     */
    public <W extends RequestWorkflow> W redrive(Class<W> type, RequestSpec spec) {
        String id = WorkflowIds.request(spec.id());
        client.newUntypedWorkflowStub(id).terminate("the runtime lost its workflows");
        W stub = client.newWorkflowStub(
                type,
                WorkflowOptions.newBuilder()
                        .setWorkflowId(id)
                        .setTaskQueue(TaskQueues.ORCHESTRATOR)
                        .setMemo(Map.of(RequestWorkflow.REDRIVEN_MEMO, true))
                        .build());
        WorkflowStub.fromTyped(stub).start(spec);
        return stub;
    }

    /** Replays a recorded history against the orchestrator's workflows (and any the builder added). */
    public void replay(WorkflowExecutionHistory history) throws Exception {
        WorkflowReplayer.replayWorkflowExecution(history, orchestrator);
    }

    /** Waits (real time, polling the view query) until the request's view satisfies the condition. */
    public RequestSnapshot await(RequestWorkflow stub, Predicate<RequestSnapshot> condition) {
        RequestSnapshot[] last = new RequestSnapshot[1];
        Awaitility.await()
                .atMost(awaitAtMost)
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
