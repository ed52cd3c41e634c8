package dev.dsrflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default runtime's Temporal keeps nothing across a restart; the ledger keeps everything.
 * Restarting with requests in every state, each is re-driven from the ledger with its original
 * receipt, due date and grace end, keeps the decisions operators already made, and completes.
 */
class RuntimeRestartTest {
    @TempDir
    Path dataDir;

    private Dsrflow dsrflow;
    private final int temporalPort = FreePorts.next();
    private final int httpPort = FreePorts.next();

    private ApiClient start() throws Exception {
        dsrflow = Dsrflow.start(
                ProcessRole.ALL,
                Map.of(),
                Map.of(
                        "dsrflow.data-dir",
                        dataDir.toString(),
                        "dsrflow.embedded.temporal-port",
                        temporalPort,
                        "micronaut.server.port",
                        httpPort,
                        "dsrflow.deletion.grace-period",
                        "PT1H"));
        return new ApiClient(dsrflow.httpPort());
    }

    @AfterEach
    void stop() {
        if (dsrflow != null) {
            dsrflow.close();
        }
    }

    private static String file(ApiClient api, String body) throws Exception {
        ApiClient.Answer filed = api.post("/v1/requests", "ops", body);
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
        return filed.body().get("id").asText();
    }

    private static JsonNode awaitStatus(ApiClient api, String id, String status) {
        return await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300))
                .ignoreExceptions()
                .until(
                        () -> api.get("/v1/requests/" + id, "ops").body(),
                        v -> status.equals(v.path("status").asText()));
    }

    @Test
    void everyRequestIsReDrivenFromTheLedgerWithItsDatesAndDecisions() throws Exception {
        ApiClient first = start();
        String completed = file(first, """
        {"type":"ACCESS","subject":{"userId":"u-0601"},"jurisdiction":"GDPR","products":["profile"]}""");
        String manual = file(first, """
        {"type":"ACCESS","subject":{"userId":"u-0602"},"jurisdiction":"CCPA","products":["profile","support-tickets"]}""");
        String unapproved = file(first, """
        {"type":"DELETION","subject":{"userId":"u-0603"},"jurisdiction":"GDPR","products":["profile","content"]}""");
        String inGrace = file(first, """
        {"type":"DELETION","subject":{"userId":"u-0604"},"jurisdiction":"GDPR","products":["profile","content"]}""");
        awaitStatus(first, completed, "COMPLETED");
        awaitStatus(first, unapproved, "AWAITING_APPROVAL");
        awaitStatus(first, inGrace, "AWAITING_APPROVAL");
        assertThat(first.post("/v1/requests/" + inGrace + "/approve", "ops2", "{}")
                        .status())
                .isEqualTo(200);
        awaitStatus(first, inGrace, "GRACE_PERIOD");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> first.get("/v1/requests/" + manual, "ops")
                        .body()
                        .toString()
                        .contains("\"MANUAL\""));
        Map<String, JsonNode> before = new HashMap<>();
        for (String id : new String[] {completed, manual, unapproved, inGrace}) {
            before.put(id, first.get("/v1/requests/" + id, "ops").body());
        }

        dsrflow.close();
        ApiClient api = start();

        for (String id : before.keySet()) {
            JsonNode after = api.get("/v1/requests/" + id, "ops").body();
            assertThat(after.get("receivedAt"))
                    .as("receivedAt of " + id)
                    .isEqualTo(before.get(id).get("receivedAt"));
            assertThat(after.get("dueAt"))
                    .as("dueAt of " + id)
                    .isEqualTo(before.get(id).get("dueAt"));
        }
        assertThat(api.get("/v1/requests/" + completed, "ops")
                        .body()
                        .get("status")
                        .asText())
                .isEqualTo("COMPLETED");

        JsonNode grace = awaitStatus(api, inGrace, "GRACE_PERIOD");
        assertThat(grace.get("graceEndsAt")).isEqualTo(before.get(inGrace).get("graceEndsAt"));
        assertThat(grace.get("approvedBy").asText()).isEqualTo("ops2");

        awaitStatus(api, unapproved, "AWAITING_APPROVAL");
        assertThat(api.post("/v1/requests/" + unapproved + "/approve", "ops2", "{}")
                        .status())
                .isEqualTo(200);
        JsonNode approvedNow = awaitStatus(api, unapproved, "GRACE_PERIOD");
        Instant received =
                Instant.parse(before.get(unapproved).get("receivedAt").asText());
        assertThat(Instant.parse(approvedNow.get("graceEndsAt").asText()))
                .as("the grace period runs from the original receipt")
                .isEqualTo(received.plus(Duration.ofHours(1)));

        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.get("/v1/requests/" + manual, "ops")
                        .body()
                        .toString()
                        .contains("\"MANUAL\""));
        final ApiClient client = api;
        assertThat(client.post(
                                "/v1/requests/" + manual + "/products/support-tickets/complete",
                                "ops2",
                                "{\"reason\":\"checked in the vendor system by hand\"}")
                        .status())
                .isEqualTo(200);
        awaitStatus(client, manual, "COMPLETED");
        assertThat(client.get("/v1/requests/" + manual + "/history", "auditor")
                        .body()
                        .get("verified")
                        .asBoolean())
                .isTrue();
    }
}
