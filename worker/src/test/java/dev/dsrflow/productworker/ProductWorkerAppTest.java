package dev.dsrflow.productworker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import io.temporal.worker.WorkerFactory;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
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

    @Test
    void aWorkerStartedFromTheEnvironmentServesItsProductQueue() {
        LoyaltyStore backend = new LoyaltyStore();
        for (int day = 1; day <= 3; day++) {
            backend.earn(
                    "m-1", "m1@example.com", null, Instant.parse("2025-01-0" + day + "T10:00:00Z"), 10, "purchase");
        }
        SubjectRef subject = new SubjectRef(new SubjectIdentifiers(null, "m1@example.com", null), "sk-m1");

        ProductStepResult result;
        try (RunningProductWorker worker = ProductWorkerApp.forHandler(new LoyaltyPointsHandler(backend))
                .environment(Map.of(
                        "TEMPORAL_ADDRESS",
                        address,
                        "DSRFLOW_CODEC_KEYS",
                        CODEC_KEYS,
                        "DSRFLOW_BLOB_DIR",
                        blobDir.toString()))
                .start()) {
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
