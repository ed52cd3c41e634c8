package dev.dsrflow.bench;

import dev.dsrflow.blob.BlobStore;
import dev.dsrflow.product.ProductCatalog;
import dev.dsrflow.productworker.ProductWorkers;
import dev.dsrflow.runtime.Dsrflow;
import dev.dsrflow.runtime.LocalPorts;
import dev.dsrflow.runtime.ProcessRole;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The embedded runtime (the Temporal test server in this JVM or the real server as a child
 * process, PostgreSQL, API, orchestrator, demo products), in a scratch data directory, with {@code
 * bench-1..bench-N} declared in the product
 * registry and served by {@link NoopProductHandler} workers on a worker factory of their own.
 */
final class BenchRuntime implements AutoCloseable {
    private final Path dataDir;
    private final Dsrflow dsrflow;
    private final WorkerFactory productFactory;
    private final int temporalPort;

    private BenchRuntime(Path dataDir, Dsrflow dsrflow, WorkerFactory productFactory, int temporalPort) {
        this.dataDir = dataDir;
        this.dsrflow = dsrflow;
        this.productFactory = productFactory;
        this.temporalPort = temporalPort;
    }

    static List<String> benchProducts(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add("bench-" + i);
        }
        return out;
    }

    /**
     * Starts everything; {@code gracePeriod} like "0s" or "30d"; approval is automatic. With
     * {@code temporalAddress} set, no Temporal is embedded; else {@code temporal} says which.
     */
    static BenchRuntime start(
            int products,
            String gracePeriod,
            BenchOptions.TemporalKind temporal,
            String temporalAddress,
            Map<String, Object> settings)
            throws IOException {
        return start(products, gracePeriod, temporal, temporalAddress, settings, 0);
    }

    /** As above, with at most {@code pollers} long polls per product queue (0: the SDK's default). */
    static BenchRuntime start(
            int products,
            String gracePeriod,
            BenchOptions.TemporalKind temporal,
            String temporalAddress,
            Map<String, Object> settings,
            int pollers)
            throws IOException {
        Path dataDir = Files.createTempDirectory("dsrflow-bench-");
        int temporalPort = LocalPorts.next();
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("dsrflow.data-dir", dataDir.toString());
        props.put("dsrflow.embedded.temporal-port", temporalPort);
        props.put("dsrflow.embedded.temporal", temporal.toString());
        props.put("dsrflow.embedded.temporal-ui-port", 0);
        props.put("micronaut.server.port", LocalPorts.next());
        props.put("dsrflow.deletion.grace-period", gracePeriod);
        props.put("dsrflow.policy.grace-period", gracePeriod);
        props.put("dsrflow.policy.auto-approve-all", true);
        for (String id : benchProducts(products)) {
            NoopProductHandler.declare(props, id);
        }
        // What is measured is dsrflow's cost per request against the bare fan-out, so no product of the
        // bench's runtime declares RESOLVE: the demo profile, which owns identity, would otherwise be asked
        // for the person's other identifiers before every request (one more activity, 7 more events; the
        // README gives that cost apart). --set dsrflow.products.profile.capabilities=... puts it back.
        props.put("dsrflow.products.profile.capabilities", "LOCATE,EXPORT,RESTRICT,ERASE,VERIFY,PRESERVE,RELEASE");
        if (temporalAddress != null) {
            props.put("dsrflow.temporal.address", temporalAddress); // the env map only decides what is embedded
        }
        props.putAll(settings);
        Dsrflow dsrflow = Dsrflow.start(
                ProcessRole.ALL,
                temporalAddress == null ? Map.of() : Map.of("TEMPORAL_ADDRESS", temporalAddress),
                props);
        try {
            WorkflowClient client = dsrflow.context().getBean(WorkflowClient.class);
            ProductCatalog catalog = dsrflow.context().getBean(ProductCatalog.class);
            BlobStore blobs = dsrflow.context().getBean(BlobStore.class);
            WorkerFactory factory = WorkerFactory.newInstance(client);
            for (String id : benchProducts(products)) {
                ProductWorkers.register(factory, new NoopProductHandler(id), catalog.get(id), blobs, pollers);
            }
            factory.start();
            return new BenchRuntime(dataDir, dsrflow, factory, temporalPort);
        } catch (RuntimeException e) {
            dsrflow.close();
            throw e;
        }
    }

    int httpPort() {
        return dsrflow.httpPort();
    }

    String temporalAddress() {
        return dsrflow.context()
                .getProperty("dsrflow.temporal.address", String.class)
                .orElse("localhost:" + temporalPort);
    }

    /** CPU of this JVM, of the embedded PostgreSQL and of the real Temporal server when it runs. */
    CpuMeter cpuMeter() {
        return new CpuMeter(
                dataDir.resolve("postgres"), dataDir.resolve("temporal").resolve("server.pid"));
    }

    /** The real Temporal server's process, when this runtime started one. */
    java.util.Optional<ProcessHandle> temporalProcess() {
        try {
            long pid =
                    Long.parseLong(Files.readString(dataDir.resolve("temporal").resolve("server.pid"))
                            .trim());
            return ProcessHandle.of(pid);
        } catch (IOException | NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /** A bean of the runtime (its data source, for counts the API caps). */
    <T> T bean(Class<T> type) {
        return dsrflow.context().getBean(type);
    }

    WorkflowClient client() {
        return dsrflow.context().getBean(WorkflowClient.class);
    }

    /** The automated demo products (the eight with workers). */
    List<String> demoProducts() {
        return dsrflow.context().getBean(ProductCatalog.class).all().stream()
                .filter(s -> s.descriptor().automated() && !s.id().startsWith("bench-"))
                .map(s -> s.id())
                .toList();
    }

    @Override
    public void close() {
        productFactory.shutdownNow();
        dsrflow.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
