package dev.dsrflow.workflow.demo;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.dsrflow.blob.FileSystemBlobStore;
import dev.dsrflow.certificate.CertificateSigner;
import dev.dsrflow.demo.DemoProductHandler;
import dev.dsrflow.demo.DemoProducts;
import dev.dsrflow.ledger.LedgerStore;
import dev.dsrflow.ledger.NewRequest;
import dev.dsrflow.ledger.RequestSnapshot;
import dev.dsrflow.model.DateRange;
import dev.dsrflow.model.ExportFormat;
import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.LegalProcess;
import dev.dsrflow.model.ProductTaskStatus;
import dev.dsrflow.model.RequestPolicy;
import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.packaging.DownloadLinks;
import dev.dsrflow.product.ProductCatalog;
import dev.dsrflow.product.ProductScope;
import dev.dsrflow.product.SubjectRef;
import dev.dsrflow.product.activity.ProductActivitiesImpl;
import dev.dsrflow.temporal.TaskQueues;
import dev.dsrflow.testing.TestDatabase;
import dev.dsrflow.workflow.OrchestratorWorkflows;
import dev.dsrflow.workflow.RequestWorkflow;
import dev.dsrflow.workflow.WorkflowIds;
import dev.dsrflow.workflow.testing.TestRig;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.awaitility.Awaitility;

/**
 * The eight automated demo products on a fresh PostgreSQL database, each behind the real
 * product adapter ({@link ProductActivitiesImpl}) on its own task queue and wrapped in a
 * {@link FaultyProduct} (a pass-through until a test injects a fault), with the demo
 * products' own settings, a time-skipping Temporal test environment, the real ledger and the
 * orchestrator worker. The products stamp their erasure logs with the test server's clock, the
 * one the workflows run on, so product records and ledger events compare in time.
 */
public final class DemoRig implements AutoCloseable {
    /** Erase chunk size: small, so a subject's erase takes several checkpointed chunks. */
    static final int ERASE_CHUNK = 5;

    public final TestWorkflowEnvironment env;
    public final WorkflowClient client;
    public final LedgerStore ledger;
    public final DataSource db;
    private final Map<String, DemoProductHandler> products = new LinkedHashMap<>();
    private final Map<String, FaultyProduct> faults = new LinkedHashMap<>();

    public DemoRig() {
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(TestDatabase.fresh());
        pool.setMaximumPoolSize(8);
        pool.setPoolName("demo-rig");
        db = new HikariDataSource(pool);
        DemoProducts.install(db);
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setWorkflowClientOptions(WorkflowClientOptions.newBuilder()
                        .setDataConverter(TestRig.dataConverter())
                        .build())
                .setInitialTime(TestRig.T0)
                .build());
        client = env.getWorkflowClient();
        ledger = TestRig.ledger();
        FileSystemBlobStore blobs;
        try {
            blobs = new FileSystemBlobStore(Files.createTempDirectory("dsrflow-demo-blobs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Clock serverClock = new ServerClock(env);
        for (var definition : DemoProducts.definitions()) {
            DemoProductHandler product = new DemoProductHandler(db, definition, ERASE_CHUNK, serverClock);
            FaultyProduct faulty = new FaultyProduct(product);
            products.put(definition.id(), product);
            faults.put(definition.id(), faulty);
            env.newWorker(TaskQueues.product(definition.id()))
                    .registerActivitiesImplementations(new ProductActivitiesImpl(faulty, blobs));
        }
        Worker orchestrator = env.newWorker(TaskQueues.ORCHESTRATOR);
        OrchestratorWorkflows.register(orchestrator, new ProductCatalog(DemoProducts.settings()));
        OrchestratorWorkflows.registerActivities(
                orchestrator,
                client,
                ledger,
                blobs,
                new DownloadLinks(TestRig.LINK_SECRET),
                new CertificateSigner(TestRig.CERT_SECRET, "test-key"));
        env.start();
    }

    /** The real demo product (its own tables and records). */
    public DemoProductHandler product(String id) {
        return products.get(id);
    }

    /** The fault injector in front of the demo product. */
    public FaultyProduct faults(String id) {
        return faults.get(id);
    }

    /** The subject key the rig uses for a demo user id. */
    public static String subjectKey(String userId) {
        return "sk-demo-" + userId;
    }

    public static SubjectRef subject(String userId) {
        return new SubjectRef(new SubjectIdentifiers(userId, null, null), subjectKey(userId));
    }

    /** The subject's items in a product, counted from the product's own tables. */
    public long items(String userId, String product) {
        return products.get(product)
                .locate(subject(userId), ProductScope.EVERYTHING)
                .totalItems();
    }

    public Instant now() {
        return Instant.ofEpochMilli(env.currentTimeMillis());
    }

    /** A request for a demo user, received now; preservations filed by legal, the rest by ops. */
    public RequestSpec spec(
            RequestType type, String userId, List<String> products, LegalProcess process, RequestPolicy policy) {
        boolean preservation = type == RequestType.PRESERVATION;
        return new RequestSpec(
                "r-" + UUID.randomUUID(),
                type,
                new SubjectIdentifiers(userId, null, null),
                subjectKey(userId),
                preservation ? Jurisdiction.OTHER : Jurisdiction.GDPR,
                products,
                Set.of(),
                DateRange.ALL,
                ExportFormat.JSON,
                process,
                preservation ? "legal" : "ops",
                now(),
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
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .ignoreExceptions()
                .until(() -> condition.test(last[0] = stub.view()));
        return last[0];
    }

    /** Waits for the workflow to finish (time skips meanwhile) and returns its final view. */
    public RequestSnapshot finish(RequestWorkflow stub) {
        WorkflowStub.fromTyped(stub).getResult(Void.class);
        return stub.view();
    }

    public static ProductTaskStatus statusOf(RequestSnapshot view, String product) {
        return view.products().stream()
                .filter(p -> p.product().equals(product))
                .findFirst()
                .orElseThrow()
                .status();
    }

    public static String detailOf(RequestSnapshot view, String product) {
        return view.products().stream()
                .filter(p -> p.product().equals(product))
                .findFirst()
                .orElseThrow()
                .detail();
    }

    @Override
    public void close() {
        env.close();
        ((HikariDataSource) db).close();
    }

    /** The time-skipping test server's clock, which the workflows read too. */
    private static final class ServerClock extends Clock {
        private final TestWorkflowEnvironment env;

        ServerClock(TestWorkflowEnvironment env) {
            this.env = env;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the server clock is UTC");
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(env.currentTimeMillis());
        }
    }
}
