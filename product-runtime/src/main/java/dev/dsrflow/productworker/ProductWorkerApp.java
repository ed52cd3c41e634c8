package dev.dsrflow.productworker;

import dev.dsrflow.blob.BlobStore;
import dev.dsrflow.blob.FileSystemBlobStore;
import dev.dsrflow.blob.S3BlobStore;
import dev.dsrflow.codec.CodecKeys;
import dev.dsrflow.codec.EncryptedDataConverter;
import dev.dsrflow.product.ProductHandler;
import dev.dsrflow.product.ProductSettings;
import dev.dsrflow.temporal.TaskQueues;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.interceptors.WorkerInterceptor;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one product's worker from a plain {@code main}:
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *   ProductWorkerApp.forHandler(new MyProductHandler()).run();
 * }
 * }</pre>
 *
 * Configuration comes from the environment unless set on the builder: {@code TEMPORAL_ADDRESS}
 * (default {@code 127.0.0.1:7233}), {@code DSRFLOW_TEMPORAL_NAMESPACE} (default
 * {@code default}), {@code DSRFLOW_CODEC_KEYS} ({@code id:base64key,...}, required: payloads
 * are encrypted end to end) and where exports are staged: the bucket {@code DSRFLOW_BLOB_S3_BUCKET}
 * when set (with {@code DSRFLOW_BLOB_S3_ENDPOINT}, {@code _REGION}, {@code _ACCESS_KEY},
 * {@code _SECRET_KEY}, as the orchestrator reads them; the worker then adds
 * {@code software.amazon.awssdk:s3} and {@code url-connection-client} to its dependencies), else
 * the directory {@code DSRFLOW_BLOB_DIR} (default {@code data/blobs}). With
 * {@code DSRFLOW_METRICS_PORT} set, the worker serves the Temporal SDK's worker metrics and the
 * product's attempts and retries at {@code GET /metrics} on that port in the Prometheus text
 * format (for the team's own scrape; no credentials, so keep the port inside the cluster). Traces
 * continue through the worker when it is given a tracing interceptor ({@link #interceptors}).
 */
public final class ProductWorkerApp {
    private static final Logger log = LoggerFactory.getLogger(ProductWorkerApp.class);

    private final ProductHandler handler;
    private Map<String, String> environment = System.getenv();
    private ProductSettings settings;
    private BlobStore blobs;
    private String temporalAddress;
    private String namespace;
    private CodecKeys codecKeys;
    private WorkflowClient client;
    private Integer metricsPort;
    private List<WorkerInterceptor> interceptors = List.of();

    private ProductWorkerApp(ProductHandler handler) {
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    /** A worker for this product's handler. */
    public static ProductWorkerApp forHandler(ProductHandler handler) {
        return new ProductWorkerApp(handler);
    }

    /** Timeouts, retries and rate limit; default {@link ProductWorkers#defaultSettings}. */
    public ProductWorkerApp settings(ProductSettings settings) {
        this.settings = settings;
        return this;
    }

    /** Where exports are staged; default the S3 bucket or the directory the environment names. */
    public ProductWorkerApp blobStore(BlobStore blobs) {
        this.blobs = blobs;
        return this;
    }

    /** The Temporal frontend, {@code host:port}; default {@code TEMPORAL_ADDRESS}. */
    public ProductWorkerApp temporalAddress(String address) {
        this.temporalAddress = address;
        return this;
    }

    /** The Temporal namespace; default {@code DSRFLOW_TEMPORAL_NAMESPACE} or {@code default}. */
    public ProductWorkerApp namespace(String namespace) {
        this.namespace = namespace;
        return this;
    }

    /** The payload codec keys; default parsed from {@code DSRFLOW_CODEC_KEYS}. */
    public ProductWorkerApp codecKeys(CodecKeys keys) {
        this.codecKeys = keys;
        return this;
    }

    /** Uses an existing client (tests, or a process that already has one) instead of connecting. */
    public ProductWorkerApp client(WorkflowClient client) {
        this.client = client;
        return this;
    }

    /** Serves {@code /metrics} on this port (0: any free port); default {@code DSRFLOW_METRICS_PORT}, else none. */
    public ProductWorkerApp metricsPort(int port) {
        this.metricsPort = port;
        return this;
    }

    /**
     * Runs these Temporal worker interceptors around the product's activities. To continue each
     * request's trace through this worker, pass Temporal's {@code OpenTracingWorkerInterceptor}
     * (artifact {@code io.temporal:temporal-opentracing}) built on your tracer, e.g. OpenTelemetry's
     * OpenTracing shim: the trace context arrives in the activity's Temporal headers.
     */
    public ProductWorkerApp interceptors(WorkerInterceptor... interceptors) {
        this.interceptors = List.of(interceptors);
        return this;
    }

    /** Reads configuration from this map instead of the process environment. */
    public ProductWorkerApp environment(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        return this;
    }

    /** Connects, registers the product on its task queue and starts polling. */
    public RunningProductWorker start() {
        WorkflowServiceStubs ownStubs = null;
        WorkflowClient connected = client;
        WorkerMetrics metrics = null;
        if (connected == null) {
            CodecKeys keys = keys();
            String address = or(temporalAddress, "TEMPORAL_ADDRESS", "127.0.0.1:7233");
            WorkflowServiceStubsOptions.Builder stubOptions =
                    WorkflowServiceStubsOptions.newBuilder().setTarget(address);
            Integer port = metricsPort != null ? metricsPort : portFromEnvironment();
            if (port != null) {
                metrics = WorkerMetrics.serve(port);
                stubOptions.setMetricsScope(metrics.scope());
            }
            ownStubs = WorkflowServiceStubs.newServiceStubs(stubOptions.build());
            connected = WorkflowClient.newInstance(
                    ownStubs,
                    WorkflowClientOptions.newBuilder()
                            .setNamespace(or(namespace, "DSRFLOW_TEMPORAL_NAMESPACE", "default"))
                            .setDataConverter(EncryptedDataConverter.create(keys))
                            .build());
        }
        List<WorkerInterceptor> around = new ArrayList<>(interceptors);
        if (metrics != null) {
            around.add(metrics.counters());
        }
        WorkerFactory factory = WorkerFactory.newInstance(
                connected,
                WorkerFactoryOptions.newBuilder()
                        .setWorkerInterceptors(around.toArray(WorkerInterceptor[]::new))
                        .build());
        String product = handler.descriptor().id();
        ProductWorkers.register(
                factory,
                handler,
                settings != null ? settings : ProductWorkers.defaultSettings(handler.descriptor()),
                blobs != null ? blobs : stagingFromEnvironment());
        factory.start();
        log.info("product worker for {} polling {}", product, TaskQueues.product(product));
        if (metrics != null) {
            log.info("product worker for {} serves its metrics on port {} at /metrics", product, metrics.port());
        }
        return new RunningProductWorker(product, factory, ownStubs, metrics);
    }

    /** Starts the worker and blocks until the JVM is asked to stop, then stops it gracefully. */
    public void run() {
        RunningProductWorker worker = start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            worker.close();
                            stopped.countDown();
                        },
                        "product-worker-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.close();
        }
    }

    private Integer portFromEnvironment() {
        String value = or(null, "DSRFLOW_METRICS_PORT", "");
        if (value.isEmpty()) {
            return null;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65_535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalStateException("DSRFLOW_METRICS_PORT must be a port number (0-65535), not " + value);
        }
    }

    private BlobStore stagingFromEnvironment() {
        String bucket = or(null, "DSRFLOW_BLOB_S3_BUCKET", "");
        if (bucket.isEmpty()) {
            return new FileSystemBlobStore(Path.of(or(null, "DSRFLOW_BLOB_DIR", "data/blobs")));
        }
        for (String client : List.of(
                "software.amazon.awssdk.services.s3.S3Client",
                "software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient")) {
            try {
                Class.forName(client, false, ProductWorkerApp.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("DSRFLOW_BLOB_S3_BUCKET is set but " + client + " is not on the"
                        + " classpath: add software.amazon.awssdk:s3 and software.amazon.awssdk:url-connection-client"
                        + " (versions from dsrflow-bom) to the worker's dependencies");
            }
        }
        return new S3BlobStore(
                or(null, "DSRFLOW_BLOB_S3_ENDPOINT", ""),
                or(null, "DSRFLOW_BLOB_S3_REGION", "us-east-1"),
                bucket,
                required("DSRFLOW_BLOB_S3_ACCESS_KEY"),
                required("DSRFLOW_BLOB_S3_SECRET_KEY"),
                true);
    }

    private String required(String variable) {
        String value = or(null, variable, "");
        if (value.isEmpty()) {
            throw new IllegalStateException("set " + variable + ": DSRFLOW_BLOB_S3_BUCKET is set");
        }
        return value;
    }

    private CodecKeys keys() {
        if (codecKeys != null) {
            return codecKeys;
        }
        String spec = environment.get("DSRFLOW_CODEC_KEYS");
        if (spec == null || spec.isBlank()) {
            throw new IllegalStateException(
                    "set DSRFLOW_CODEC_KEYS (id:base64key,...): dsrflow payloads are encrypted");
        }
        return CodecKeys.parse(spec);
    }

    private String or(String explicit, String variable, String fallback) {
        if (explicit != null) {
            return explicit;
        }
        String value = environment.get(variable);
        return value == null || value.isBlank() ? fallback : value;
    }
}
