package dev.dsrflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsrflow.workflow.WorkflowIds;
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
 * secrets), against the real Temporal server and PostgreSQL. Nothing embedded starts in them;
 * every request type goes through over HTTP, and Temporal's visibility finds each request by the
 * search attributes the workflows publish.
 */
class SeparateProcessesTest {
    @TempDir
    static Path dir;

    private static LocalCluster cluster;
    private static List<LocalCluster.DsrflowProcess> processes;

    @BeforeAll
    static void startEverythingSeparately() throws Exception {
        cluster = new LocalCluster(
                dir,
                Map.of(
                        "DSRFLOW_DELETION_GRACE_PERIOD",
                        "PT0S",
                        "DSRFLOW_SECURITY_USERS_METRICS_PASSWORD_HASH",
                        "$2a$10$NImxGTtBuxDPouUuQ3oVjeub6glClk9S/l2iF3X01g4RYEyyBKE5K", // bcrypt of "metrics"
                        "DSRFLOW_SECURITY_USERS_METRICS_ROLES",
                        "METRICS"));
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

        JsonNode done = awaitStatus(id, "COMPLETED");
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
    void downloadPreservationAndDeletionRunThroughTheProcessesAndVisibilityFindsEachByStatusAndType() throws Exception {
        ApiClient api = cluster.api();
        String download = file("ops", """
        {"type":"DOWNLOAD","subject":{"userId":"u-0017"},"jurisdiction":"GDPR","products":["profile","messaging"],
         "format":"JSON"}""");
        String hold = file("legal", """
        {"type":"PRESERVATION","subject":{"userId":"u-0018"},"jurisdiction":"OTHER","products":["messaging"],
         "legalProcess":{"kind":"COURT_ORDER","reference":"case-2026-0099","authority":"District Court"}}""");
        String deletion = file("ops", """
        {"type":"DELETION","subject":{"userId":"u-0019"},"jurisdiction":"GDPR","products":["profile","content"]}""");

        String url =
                awaitStatus(download, "COMPLETED").path("download").path("url").asText();
        assertThat(api.get(url, null).status())
                .as("the package behind the signed link")
                .isEqualTo(200);
        awaitStatus(hold, "AWAITING_APPROVAL");
        assertThat(api.post("/v1/requests/" + hold + "/approve", "legal2", "{}").status())
                .isEqualTo(200);
        awaitStatus(hold, "ACTIVE");
        awaitStatus(deletion, "AWAITING_APPROVAL");
        assertThat(api.post("/v1/requests/" + deletion + "/approve", "ops2", "{}")
                        .status())
                .isEqualTo(200);
        assertThat(awaitStatus(deletion, "COMPLETED").get("certificate")).isNotNull();

        Map<String, List<String>> expected = Map.of(
                "DsrRequestType = 'DOWNLOAD' AND DsrStatus = 'COMPLETED'", List.of(WorkflowIds.request(download)),
                "DsrRequestType = 'PRESERVATION' AND DsrStatus = 'ACTIVE'", List.of(WorkflowIds.request(hold)),
                "DsrRequestType = 'DELETION' AND DsrStatus = 'COMPLETED'", List.of(WorkflowIds.request(deletion)),
                "DsrRequestType = 'PRESERVATION' AND DsrStatus = 'COMPLETED'", List.of(),
                "DsrRequestType = 'DELETION' AND DsrStatus = 'AWAITING_APPROVAL'", List.of());
        expected.forEach((query, ids) -> await(query)
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> assertThat(cluster.workflowIds(query)).containsExactlyInAnyOrderElementsOf(ids)));
    }

    private static String file(String user, String body) throws Exception {
        ApiClient.Answer filed = cluster.api().post("/v1/requests", user, body);
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
        return filed.body().get("id").asText();
    }

    private static JsonNode awaitStatus(String id, String status) {
        return await(id + " " + status)
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300))
                .until(
                        () -> cluster.api().get("/v1/requests/" + id, "ops").body(),
                        v -> status.equals(v.path("status").asText()));
    }

    @Test
    void everyProcessServesItsOwnMetricsWithTheTemporalMetricsOfItsWorkers() throws Exception {
        List<String> roles = List.of("api", "orchestrator", "products");
        for (int i = 0; i < roles.size(); i++) {
            String role = roles.get(i);
            ApiClient process = processes.get(i).http();
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        ApiClient.Answer scrape = process.get("/metrics", "metrics");
                        assertThat(scrape.status())
                                .as(role + ": " + scrape.raw())
                                .isEqualTo(200);
                        PrometheusText metrics = PrometheusText.parse(scrape.raw());
                        assertThat(metrics.any("jvm_memory_used_bytes", Map.of()))
                                .as(role)
                                .isTrue();
                        if (role.equals("api")) {
                            assertThat(metrics.sum("dsrflow_ledger_up", Map.of()))
                                    .as(role)
                                    .isEqualTo(1);
                        } else {
                            String queue = role.equals("orchestrator") ? "dsr-orchestrator" : "dsr-product-profile";
                            assertThat(metrics.any("temporal_num_pollers", Map.of("task_queue", queue)))
                                    .as(role + " reports the pollers of its own workers")
                                    .isTrue();
                        }
                    });
            assertThat(process.get("/metrics", null).status()).as(role).isEqualTo(401);
        }
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
