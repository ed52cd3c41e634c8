package dev.dsrflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What deploy/ runs: the API, the orchestrator worker and a product worker as three separate
 * JVMs, configured only through the environment (TEMPORAL_ADDRESS, DATASOURCES_DEFAULT_URL,
 * secrets), against a standalone Temporal server and PostgreSQL. Nothing embedded starts in
 * them, and one request goes through.
 */
class SeparateProcessesTest {
    @TempDir
    static Path dir;

    private static LocalCluster cluster;
    private static List<LocalCluster.DsrflowProcess> processes;

    @BeforeAll
    static void startEverythingSeparately() throws Exception {
        cluster = new LocalCluster(dir, Map.of());
        processes = List.of(cluster.start("api"), cluster.start("orchestrator"), cluster.start("products"));
        processes.forEach(LocalCluster.DsrflowProcess::awaitReady);
    }

    @AfterAll
    static void stopAll() throws Exception {
        cluster.close();
    }

    @Test
    void anAccessRequestRunsThroughApiOrchestratorAndProductWorkerProcesses() throws Exception {
        ApiClient api = cluster.api();
        assertThat(api.get("/health", null).status()).isEqualTo(200);

        ApiClient.Answer filed = api.post("/v1/requests", "ops", """
        {"type":"ACCESS","subject":{"userId":"u-0007"},"jurisdiction":"CCPA","products":["profile","messaging"]}""");
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
        String id = filed.body().get("id").asText();

        JsonNode done = await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300))
                .until(
                        () -> api.get("/v1/requests/" + id, "ops").body(),
                        v -> "COMPLETED".equals(v.path("status").asText()));
        assertThat(done.get("products"))
                .extracting(p -> p.get("status").asText())
                .containsOnly("DONE");

        for (LocalCluster.DsrflowProcess p : processes) {
            assertThat(p.log()).doesNotContain("embedded test server").doesNotContain("PostgreSQL: localhost");
        }
        assertThat(dir.resolve("api").resolve("postgres"))
                .as("no embedded database in the API process")
                .doesNotExist();
    }

    @Test
    void workerProcessesAnswerTheirProbesButNeverExposeTheRequestApi() throws Exception {
        assertThat(cluster.api().get("/v1/products", "ops").status()).isEqualTo(200);
        for (LocalCluster.DsrflowProcess worker : processes.subList(1, 3)) {
            assertThat(worker.http().get("/health", null).status()).isEqualTo(200);
            assertThat(worker.http().get("/v1/products", "ops").status()).isEqualTo(404);
            assertThat(worker.http().post("/codec/decode", "ops", "{}").status())
                    .isEqualTo(404);
        }
    }
}
