package dev.dsrflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsrflow.workflow.WorkflowIds;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Temporal server itself dies (SIGKILL) in the middle of a run and starts again on the same
 * database file, as a cluster's would after a crash. Requests in every waiting state - running a
 * fan-out, in a deletion's grace period, deferred by a legal hold, awaiting a manual product -
 * carry on from where the server left them: each completes with its original dates, nothing is
 * re-driven from the ledger (each request has exactly one workflow run), and no ledger event is
 * written twice.
 */
class TemporalServerCrashTest {
    private static final String GRACE = "PT10S";

    @TempDir
    static Path dir;

    private static LocalCluster cluster;
    private static LocalCluster.DsrflowProcess orchestrator;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        cluster = new LocalCluster(dir, Map.of("DSRFLOW_DELETION_GRACE_PERIOD", GRACE));
        List<LocalCluster.DsrflowProcess> processes =
                List.of(cluster.start("api"), cluster.start("orchestrator"), cluster.start("products"));
        processes.forEach(LocalCluster.DsrflowProcess::awaitReady);
        orchestrator = processes.get(1);
        api = cluster.api();
    }

    @AfterAll
    static void stop() throws Exception {
        cluster.close();
    }

    @Test
    void requestsInEveryWaitingStateCompleteAfterTheServerIsKilledAndRestartedWithoutReDriveOrDuplicates()
            throws Exception {
        String hold = file("legal", """
        {"type":"PRESERVATION","subject":{"userId":"u-0901"},"jurisdiction":"OTHER","products":["messaging"],
         "legalProcess":{"kind":"COURT_ORDER","reference":"case-2026-0901","authority":"District Court"}}""");
        awaitStatus(hold, "AWAITING_APPROVAL");
        approve(hold, "legal2");
        awaitStatus(hold, "ACTIVE");
        String onHold = file("ops", """
        {"type":"DELETION","subject":{"userId":"u-0901"},"jurisdiction":"GDPR","products":["messaging","profile"]}""");
        awaitStatus(onHold, "AWAITING_APPROVAL");
        approve(onHold, "ops2");
        String manual = file("ops", """
        {"type":"ACCESS","subject":{"userId":"u-0902"},
        "jurisdiction":"CCPA","products":["profile","support-tickets"]}""");
        awaitStatus(onHold, "WAITING_ON_HOLD");
        await("manual task of " + manual)
                .atMost(Duration.ofSeconds(60))
                .until(() -> api.get("/v1/requests/" + manual, "ops").raw().contains("\"MANUAL\""));
        String inGrace = file("ops", """
        {"type":"DELETION","subject":{"userId":"u-0903"},"jurisdiction":"GDPR","products":["profile","content"]}""");
        awaitStatus(inGrace, "AWAITING_APPROVAL");
        approve(inGrace, "ops2");
        JsonNode graceBefore = awaitStatus(inGrace, "GRACE_PERIOD");
        List<String> running = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            running.add(file("ops", """
            {"type":"ACCESS","subject":{"userId":"u-091%d"},"jurisdiction":"GDPR",
             "products":["profile","content","messaging","connections"]}""".formatted(i)));
        }
        List<String> runningAtKill = new ArrayList<>();
        for (String id : running) {
            runningAtKill.add(
                    api.get("/v1/requests/" + id, "ops").body().path("status").asText());
        }

        cluster.killTemporal();
        cluster.restartTemporal();

        assertThat(runningAtKill)
                .as("the fan-outs were in flight when the server died")
                .contains("IN_PROGRESS");
        JsonNode graceAfter = awaitStatus(inGrace, "COMPLETED");
        assertThat(graceAfter.get("graceEndsAt")).isEqualTo(graceBefore.get("graceEndsAt"));
        assertThat(graceAfter.get("certificate")).isNotNull();
        for (String id : running) {
            assertThat(awaitStatus(id, "COMPLETED").get("products"))
                    .extracting(p -> p.get("status").asText())
                    .containsOnly("DONE");
        }
        assertThat(api.get("/v1/requests/" + onHold, "ops")
                        .body()
                        .path("status")
                        .asText())
                .isEqualTo("WAITING_ON_HOLD");
        assertThat(api.post(
                                "/v1/requests/" + manual + "/products/support-tickets/complete",
                                "ops2",
                                "{\"reason\":\"checked in the vendor system by hand\"}")
                        .status())
                .isEqualTo(200);
        awaitStatus(manual, "COMPLETED");
        assertThat(api.post("/v1/requests/" + hold + "/release", "legal", "{\"reason\":\"case closed\"}")
                        .status())
                .isEqualTo(200);
        awaitStatus(hold, "RELEASED");
        awaitStatus(onHold, "COMPLETED");

        List<String> all = new ArrayList<>(List.of(hold, onHold, manual, inGrace));
        all.addAll(running);
        for (String id : all) {
            assertThat(cluster.workflowIds("WorkflowId = '" + WorkflowIds.request(id) + "'"))
                    .as("runs of %s: one, never re-driven", id)
                    .hasSize(1);
            assertThat(api.get("/v1/requests/" + id + "/history", "auditor")
                            .body()
                            .get("verified")
                            .asBoolean())
                    .as("the ledger chain of %s", id)
                    .isTrue();
        }
        assertThat(orchestrator.log()).doesNotContain("re-drove").doesNotContain("could not start");
        try (Connection c = cluster.ledger().getConnection()) {
            for (String id : all) {
                assertThat(duplicates(c, id))
                        .as("ledger events written twice for %s", id)
                        .isEmpty();
            }
        }
    }

    private static String file(String user, String body) throws Exception {
        ApiClient.Answer filed = api.post("/v1/requests", user, body);
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
        return filed.body().get("id").asText();
    }

    private static void approve(String id, String user) throws Exception {
        assertThat(api.post("/v1/requests/" + id + "/approve", user, "{}").status())
                .isEqualTo(200);
    }

    private static JsonNode awaitStatus(String id, String status) {
        return await(id + " " + status)
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(300))
                .ignoreExceptions()
                .until(
                        () -> api.get("/v1/requests/" + id, "ops").body(),
                        v -> status.equals(v.path("status").asText()));
    }

    /**
     * Events found more often than the request's steps make them: each product is done once per
     * step (a preservation's two, preserve and release; one otherwise), and the request is filed,
     * approved, completed or released once.
     */
    private static List<String> duplicates(Connection c, String requestId) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("""
                select e.kind, coalesce(e.product, '-'), count(*) from ledger.request_events e
                join ledger.requests r on r.id = e.request_id
                where e.request_id = ? and e.kind in ('FILED', 'APPROVED', 'PRODUCT_DONE', 'PRODUCT_COMPLETED_BY_HAND',
                                                      'COMPLETED', 'RELEASED')
                group by e.kind, coalesce(e.product, '-'), r.type
                having count(*) > case when e.kind = 'PRODUCT_DONE' and r.type = 'PRESERVATION' then 2 else 1 end""")) {
            ps.setString(1, requestId);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2) + " x" + rs.getInt(3));
                }
            }
            return out;
        }
    }
}
