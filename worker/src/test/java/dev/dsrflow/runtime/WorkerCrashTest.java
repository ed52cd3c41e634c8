package dev.dsrflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsrflow.temporal.TaskQueues;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Processes die; requests must not. The orchestrator is killed (SIGKILL) in the middle of
 * fan-outs and a new one takes over; the product worker is killed and its tasks wait for it.
 * Every request completes, no ledger event is written twice, and no product step is counted
 * twice (each deletion's certificate counts exactly what the product held).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkerCrashTest {
    private static final List<String> PRODUCTS = List.of("profile", "content", "messaging", "connections");

    @TempDir
    static Path dir;

    private static LocalCluster cluster;
    private static LocalCluster.DsrflowProcess orchestrator;
    private static LocalCluster.DsrflowProcess products;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        cluster = new LocalCluster(dir, Map.of("DSRFLOW_DELETION_GRACE_PERIOD", "PT0S"));
        LocalCluster.DsrflowProcess apiProcess = cluster.start("api");
        orchestrator = cluster.start("orchestrator");
        products = cluster.start("products");
        apiProcess.awaitReady();
        orchestrator.awaitReady();
        products.awaitReady();
        api = cluster.api();
    }

    @AfterAll
    static void stop() throws Exception {
        cluster.close();
    }

    private static String file(String type, String userId) throws Exception {
        ApiClient.Answer filed = api.post("/v1/requests", "ops", """
        {"type":"%s","subject":{"userId":"%s"},"jurisdiction":"GDPR",
        "products":["profile","content","messaging","connections"]}""".formatted(type, userId));
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
        return filed.body().get("id").asText();
    }

    private static JsonNode awaitStatus(String id, String status, Duration within) {
        return await().atMost(within)
                .pollInterval(Duration.ofMillis(300))
                .ignoreExceptions()
                .until(
                        () -> api.get("/v1/requests/" + id, "ops").body(),
                        v -> status.equals(v.path("status").asText()));
    }

    @Test
    @Order(1)
    void killingTheOrchestratorMidFanOutLosesAndDuplicatesNothing() throws Exception {
        Map<String, Long> located = new HashMap<>();
        String access = file("ACCESS", "u-0101");
        for (JsonNode p :
                awaitStatus(access, "COMPLETED", Duration.ofSeconds(90)).get("products")) {
            located.put(
                    p.get("product").asText(), p.path("result").path("items").asLong());
        }

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(file("ACCESS", "u-02%02d".formatted(i)));
        }
        String deletion = file("DELETION", "u-0101");
        awaitStatus(deletion, "AWAITING_APPROVAL", Duration.ofSeconds(60));
        assertThat(api.post("/v1/requests/" + deletion + "/approve", "ops2", "{}")
                        .status())
                .isEqualTo(200);
        ids.add(deletion);

        orchestrator.kill();
        orchestrator = cluster.start("orchestrator").awaitReady();

        for (String id : ids) {
            awaitStatus(id, "COMPLETED", Duration.ofSeconds(120));
        }
        try (Connection c = cluster.ledger().getConnection()) {
            for (String id : ids) {
                for (String product : PRODUCTS) {
                    assertThat(count(c, id, product))
                            .as("PRODUCT_DONE events of %s on %s", id, product)
                            .isEqualTo(1);
                }
                JsonNode history =
                        api.get("/v1/requests/" + id + "/history", "ops").body();
                assertThat(history.get("verified").asBoolean()).isTrue();
            }
        }
        // the certificate counts exactly what each product held for the subject: nothing erased twice
        JsonNode certificate = api.get("/v1/requests/" + deletion, "ops").body().get("certificate");
        assertThat(certificate).as("the deletion's certificate").isNotNull();
        JsonNode evidence = api.post("/v1/certificates/verify", "ops", certificate.toString())
                .body()
                .path("payload")
                .path("products");
        assertThat(evidence).hasSize(PRODUCTS.size());
        for (JsonNode p : evidence) {
            String product = p.get("product").asText();
            assertThat(p.get("itemsErased").asLong())
                    .as("items erased from %s", product)
                    .isEqualTo(located.get(product));
            assertThat(p.get("verified").asBoolean()).as("%s verified", product).isTrue();
        }
        assertThat(located.values().stream().mapToLong(Long::longValue).sum()).isPositive();
    }

    @Test
    @Order(2)
    void aStoppedProductWorkersTasksWaitAndCompleteWhenItReturns() throws Exception {
        products.kill();
        String id = file("ACCESS", "u-0303");
        // before its first step the request asks profile, which owns identity (RESOLVE), for the
        // person's other identifiers: that task waits in profile's queue while no worker polls it
        await("the identity question waiting in profile's queue")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> cluster.activityBacklog(TaskQueues.product("profile")), n -> n >= 1);
        JsonNode waiting = api.get("/v1/requests/" + id, "ops").body();
        assertThat(waiting.get("status").asText()).isIn("RECEIVED", "IN_PROGRESS");
        for (JsonNode p : waiting.get("products")) {
            assertThat(p.get("status").asText()).isIn("PENDING", "RUNNING");
        }
        products = cluster.start("products").awaitReady();
        JsonNode done = awaitStatus(id, "COMPLETED", Duration.ofSeconds(120));
        assertThat(done.get("products"))
                .extracting(p -> p.get("status").asText())
                .containsOnly("DONE");
    }

    private static int count(Connection c, String requestId, String product) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(
                "select count(*) from ledger.request_events where request_id = ? and product = ? and kind ="
                        + " 'PRODUCT_DONE'")) {
            ps.setString(1, requestId);
            ps.setString(2, product);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
