package dev.dsrflow.productworker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.dsrflow.blob.FileSystemBlobStore;
import dev.dsrflow.codec.CodecKeys;
import dev.dsrflow.codec.EncryptedDataConverter;
import dev.dsrflow.demo.SupportTicketsHandler;
import dev.dsrflow.model.ExportFormat;
import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.product.ProductScope;
import dev.dsrflow.product.SubjectRef;
import dev.dsrflow.product.activity.ProductStepProbe;
import dev.dsrflow.product.activity.ProductStepResult;
import dev.dsrflow.product.activity.ProductTask;
import dev.dsrflow.productworker.example.LoyaltyPointsHandler;
import dev.dsrflow.productworker.example.LoyaltyStore;
import dev.dsrflow.runtime.LocalPorts;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.opentracingshim.OpenTracingShim;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.opentracing.OpenTracingClientInterceptor;
import io.temporal.opentracing.OpenTracingOptions;
import io.temporal.opentracing.OpenTracingWorkerInterceptor;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bootstrap as a team runs it: configured from the environment, against a real server. */
class ProductWorkerAppTest {
    private static final String CODEC_KEYS = "k1:" + Base64.getEncoder().encodeToString(new byte[32]);

    @TempDir
    Path blobDir;

    private Closeable server;
    private String address;
    private WorkflowServiceStubs stubs;
    private WorkerFactory orchestrator;

    @BeforeEach
    void startServerAndOrchestrator() throws IOException {
        int port = LocalPorts.next();
        server = TestServer.createPortBoundServer(port);
        address = "127.0.0.1:" + port;
        stubs = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(address).build());
        orchestrator = WorkerFactory.newInstance(client());
        orchestrator.newWorker("probe").registerWorkflowImplementationTypes(ProductStepProbe.Impl.class);
        orchestrator.start();
    }

    @AfterEach
    void stop() throws IOException {
        orchestrator.shutdownNow();
        orchestrator.awaitTermination(5, TimeUnit.SECONDS);
        stubs.shutdownNow();
        server.close();
    }

    private WorkflowClient client() {
        return WorkflowClient.newInstance(
                stubs,
                WorkflowClientOptions.newBuilder()
                        .setDataConverter(EncryptedDataConverter.create(CodecKeys.parse(CODEC_KEYS)))
                        .build());
    }

    /** The loyalty worker configured from its environment as a team deploys it, plus these variables. */
    private ProductWorkerApp loyaltyWorker(LoyaltyStore backend, Map<String, String> more) {
        Map<String, String> environment = new java.util.HashMap<>(Map.of(
                "TEMPORAL_ADDRESS", address, "DSRFLOW_CODEC_KEYS", CODEC_KEYS, "DSRFLOW_BLOB_DIR", blobDir.toString()));
        environment.putAll(more);
        return ProductWorkerApp.forHandler(new LoyaltyPointsHandler(backend)).environment(environment);
    }

    @Test
    void aWorkerStartedFromTheEnvironmentServesItsProductQueue() {
        LoyaltyStore backend = new LoyaltyStore();
        for (int day = 1; day <= 3; day++) {
            backend.earn(
                    "m-1", "m1@example.com", null, Instant.parse("2025-01-0" + day + "T10:00:00Z"), 10, "purchase");
        }
        SubjectRef subject = new SubjectRef(new SubjectIdentifiers(null, "m1@example.com", null), "sk-m1");

        ProductStepResult result;
        try (RunningProductWorker worker = loyaltyWorker(backend, Map.of()).start()) {
            result = client().newWorkflowStub(
                            ProductStepProbe.class,
                            WorkflowOptions.newBuilder().setTaskQueue("probe").build())
                    .erase(new ProductTask(
                            "r-1", "loyalty", subject, ProductScope.EVERYTHING, ExportFormat.JSON, null, null));
        }

        assertThat(result.product()).isEqualTo("loyalty");
        assertThat(result.items()).isEqualTo(3);
        assertThat(backend.findMember("m-1", null, null).map(backend::shown)).contains(0L);
    }

    @Test
    void aWorkerGivenAMetricsPortServesItsActivitiesMetricsForPrometheus() throws Exception {
        LoyaltyStore backend = new LoyaltyStore();
        backend.earn("m-2", "m2@example.com", null, Instant.parse("2025-02-01T10:00:00Z"), 5, "purchase");
        SubjectRef subject = new SubjectRef(new SubjectIdentifiers(null, "m2@example.com", null), "sk-m2");
        int metricsPort = LocalPorts.next();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest scrape = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                .build();

        try (RunningProductWorker worker = loyaltyWorker(
                        backend, Map.of("DSRFLOW_METRICS_PORT", String.valueOf(metricsPort)))
                .start()) {
            assertThat(worker.metricsPort()).hasValue(metricsPort);
            client().newWorkflowStub(
                            ProductStepProbe.class,
                            WorkflowOptions.newBuilder().setTaskQueue("probe").build())
                    .erase(new ProductTask(
                            "r-2", "loyalty", subject, ProductScope.EVERYTHING, ExportFormat.JSON, null, null));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> metrics = http.send(scrape, HttpResponse.BodyHandlers.ofString());
                assertThat(metrics.statusCode()).isEqualTo(200);
                assertThat(metrics.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
                assertThat(metrics.body())
                        .as("the erase the worker ran, by its product's task queue")
                        .containsPattern("temporal_activity_execution_latency_seconds_count\\{[^}]*"
                                + "task_queue=\"dsr-product-loyalty\"[^}]*} [1-9]")
                        .containsPattern("dsrflow_product_attempts_total\\{[^}]*outcome=\"success\"[^}]*"
                                + "product=\"loyalty\"[^}]*step=\"ProductErase\"[^}]*} 1")
                        .doesNotContain("m2@example.com")
                        .doesNotContain("r-2");
            });
        }
        assertThatThrownBy(() -> http.send(scrape, HttpResponse.BodyHandlers.ofString()))
                .as("a stopped worker stops serving its metrics")
                .isInstanceOf(IOException.class);
    }

    @Test
    void aWorkerGivenATracingInterceptorContinuesTheRequestsTrace() throws Exception {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        try (OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder()
                        .addSpanProcessor(SimpleSpanProcessor.create(spans))
                        .build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build()) {
            OpenTracingOptions tracing = OpenTracingOptions.newBuilder()
                    .setTracer(OpenTracingShim.createTracerShim(otel))
                    .build();
            WorkflowClient tracedClient = WorkflowClient.newInstance(
                    stubs,
                    WorkflowClientOptions.newBuilder()
                            .setDataConverter(EncryptedDataConverter.create(CodecKeys.parse(CODEC_KEYS)))
                            .setInterceptors(new OpenTracingClientInterceptor(tracing))
                            .build());
            WorkerFactory tracedOrchestrator = WorkerFactory.newInstance(
                    tracedClient,
                    WorkerFactoryOptions.newBuilder()
                            .setWorkerInterceptors(new OpenTracingWorkerInterceptor(tracing))
                            .build());
            tracedOrchestrator
                    .newWorker("traced-probe")
                    .registerWorkflowImplementationTypes(ProductStepProbe.Impl.class);
            tracedOrchestrator.start();
            LoyaltyStore backend = new LoyaltyStore();
            backend.earn("m-3", "m3@example.com", null, Instant.parse("2025-03-01T10:00:00Z"), 5, "purchase");
            SubjectRef subject = new SubjectRef(new SubjectIdentifiers(null, "m3@example.com", null), "sk-m3");

            try (RunningProductWorker worker = loyaltyWorker(backend, Map.of())
                    .interceptors(new OpenTracingWorkerInterceptor(tracing))
                    .start()) {
                tracedClient
                        .newWorkflowStub(
                                ProductStepProbe.class,
                                WorkflowOptions.newBuilder()
                                        .setWorkflowId("dsr-r-3")
                                        .setTaskQueue("traced-probe")
                                        .build())
                        .erase(new ProductTask(
                                "r-3", "loyalty", subject, ProductScope.EVERYTHING, ExportFormat.JSON, null, null));
            } finally {
                tracedOrchestrator.shutdownNow();
                tracedOrchestrator.awaitTermination(5, TimeUnit.SECONDS);
            }

            List<SpanData> finished = await().atMost(Duration.ofSeconds(10))
                    .until(
                            spans::getFinishedSpanItems,
                            all -> all.stream().anyMatch(s -> s.getName().equals("RunActivity:ProductErase")));
            SpanData started = finished.stream()
                    .filter(s -> s.getName().equals("StartWorkflow:ProductStepProbe"))
                    .findFirst()
                    .orElseThrow();
            assertThat(finished)
                    .filteredOn(s -> s.getName().equals("RunActivity:ProductErase"))
                    .as("the product's activity, run by the standalone worker, is in the caller's trace")
                    .singleElement()
                    .satisfies(s -> assertThat(s.getTraceId()).isEqualTo(started.getTraceId()));
            assertThat(finished.toString()).doesNotContain("m3@example.com").doesNotContain("sk-m3");
        }
    }

    @Test
    void aMetricsPortThatIsNotANumberIsRefusedByName() {
        ProductWorkerApp app = ProductWorkerApp.forHandler(new SupportTicketsHandler())
                .environment(Map.of(
                        "TEMPORAL_ADDRESS", address, "DSRFLOW_CODEC_KEYS", CODEC_KEYS, "DSRFLOW_METRICS_PORT", "http"));

        assertThatThrownBy(app::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DSRFLOW_METRICS_PORT");
    }

    @Test
    void withoutCodecKeysTheWorkerRefusesToStart() {
        ProductWorkerApp app = ProductWorkerApp.forHandler(new SupportTicketsHandler())
                .environment(Map.of("TEMPORAL_ADDRESS", address));

        assertThatThrownBy(app::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DSRFLOW_CODEC_KEYS");
    }

    @Test
    void aWorkerToldToStageInS3RefusesToStartWithoutItsCredentials() {
        ProductWorkerApp app = ProductWorkerApp.forHandler(new LoyaltyPointsHandler(new LoyaltyStore()))
                .environment(Map.of(
                        "TEMPORAL_ADDRESS",
                        address,
                        "DSRFLOW_CODEC_KEYS",
                        CODEC_KEYS,
                        "DSRFLOW_BLOB_S3_BUCKET",
                        "dsrflow-staging"));

        assertThatThrownBy(app::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DSRFLOW_BLOB_S3_ACCESS_KEY");
    }

    @Test
    void settingsOfAnotherProductAreRefused() {
        var settings = ProductWorkers.defaultSettings(new LoyaltyPointsHandler(new LoyaltyStore()).descriptor());

        assertThatThrownBy(() -> ProductWorkers.register(
                        orchestrator, new SupportTicketsHandler(), settings, new FileSystemBlobStore(blobDir)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loyalty");
    }
}
