package dev.dsrflow.workflow.demo;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.dsrflow.demo.DemoProductHandler;
import dev.dsrflow.demo.DemoProducts;
import dev.dsrflow.ledger.LedgerStore;
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
import dev.dsrflow.product.ProductScope;
import dev.dsrflow.product.ProductSettings;
import dev.dsrflow.product.RecordedCatalogue;
import dev.dsrflow.product.SubjectRef;
import dev.dsrflow.product.activity.ProductActivitiesImpl;
import dev.dsrflow.testing.TestDatabase;
import dev.dsrflow.workflow.RequestWorkflow;
import dev.dsrflow.workflow.testing.TestRig;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * A {@link TestRig} configured with the eight automated demo products on a fresh PostgreSQL
 * database, each behind the real product adapter ({@link ProductActivitiesImpl}) on its own task
 * queue and wrapped in a {@link FaultyProduct} (a pass-through until a test injects a fault),
 * with the demo products' own settings. The products stamp their erasure logs with the test
 * server's clock, the one the workflows run on, so product records and ledger events compare in
 * time.
 */
public final class DemoRig implements AutoCloseable {
    /** Erase chunk size: small, so a subject's erase takes several checkpointed chunks. */
    static final int ERASE_CHUNK = 5;

    public final TestRig rig;
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
        rig = TestRig.builder()
                .productWorkers(this::demoProducts)
                .awaitAtMost(Duration.ofSeconds(30))
                .build();
        env = rig.env;
        client = rig.client;
        ledger = rig.ledger;
    }

    private List<TestRig.ProductWorker> demoProducts(TestRig.Setup setup) {
        Clock serverClock = new ServerClock(setup.env());
        Map<String, ProductSettings> settings = new LinkedHashMap<>();
        DemoProducts.settings().forEach(s -> settings.put(s.id(), s));
        List<TestRig.ProductWorker> workers = new ArrayList<>();
        for (var definition : DemoProducts.definitions()) {
            DemoProductHandler product = new DemoProductHandler(db, definition, ERASE_CHUNK, serverClock);
            FaultyProduct faulty = new FaultyProduct(product);
            products.put(definition.id(), product);
            faults.put(definition.id(), faulty);
            workers.add(new TestRig.ProductWorker(
                    settings.get(definition.id()), new ProductActivitiesImpl(faulty, setup.blobs())));
        }
        return workers;
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
        return spec(type, new SubjectIdentifiers(userId, null, null), subjectKey(userId), products, process, policy);
    }

    /**
     * A request filed with these identifiers, normalised and keyed as the API does (the HMAC of the
     * strongest identifier, {@link TestRig#SUBJECT_KEY}, the key the workflows compute resolved
     * identifiers with).
     */
    public RequestSpec spec(
            RequestType type,
            SubjectIdentifiers filed,
            List<String> products,
            LegalProcess process,
            RequestPolicy policy) {
        SubjectIdentifiers normalised = TestRig.SUBJECT_KEY.normalizer().normalize(filed);
        return spec(type, normalised, TestRig.SUBJECT_KEY.primary(normalised), products, process, policy);
    }

    private RequestSpec spec(
            RequestType type,
            SubjectIdentifiers filed,
            String subjectKey,
            List<String> products,
            LegalProcess process,
            RequestPolicy policy) {
        boolean preservation = type == RequestType.PRESERVATION;
        return new RequestSpec(
                "r-" + UUID.randomUUID(),
                type,
                filed,
                subjectKey,
                preservation ? Jurisdiction.OTHER : Jurisdiction.GDPR,
                products,
                Set.of(),
                DateRange.ALL,
                ExportFormat.JSON,
                process,
                preservation ? "legal" : "ops",
                now(),
                null,
                policy,
                RecordedCatalogue.of(rig.catalog.forRequest(products)));
    }

    /** Files the request in the ledger (as the API does) and starts its workflow. */
    public <W extends RequestWorkflow> W start(Class<W> type, RequestSpec spec) {
        return rig.start(type, spec);
    }

    /** Waits (real time, polling the view query) until the request's view satisfies the condition. */
    public RequestSnapshot await(RequestWorkflow stub, Predicate<RequestSnapshot> condition) {
        return rig.await(stub, condition);
    }

    /** Waits for the workflow to finish (time skips meanwhile) and returns its final view. */
    public RequestSnapshot finish(RequestWorkflow stub) {
        rig.finish(stub);
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
        rig.close();
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
