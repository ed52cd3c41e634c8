package dev.dsrflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dsrflow.workflow.WorkflowIds;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Requests survive a restart of the whole default runtime. On the real Temporal server (its
 * binary found) the server kept every workflow: nothing is re-driven, and even a forced re-drive
 * never starts a second run. Without the binary the fallback's in-memory test server keeps
 * nothing and the ledger keeps everything: each request is re-driven from the ledger with its
 * original receipt, due date and grace end, keeps the decisions operators already made, and
 * completes.
 */
class RuntimeRestartTest {
    @TempDir
    Path dataDir;

    private Dsrflow dsrflow;
    private final int temporalPort = LocalPorts.next();
    private final int httpPort = LocalPorts.next();
    /** What the start-up re-drive logs (dev.dsrflow.orchestrator.LedgerRedriver). */
    private final ListAppender<ILoggingEvent> redriveLog = new ListAppender<>();

    private ApiClient start() throws Exception {
        return start("test-server", Map.of());
    }

    private ApiClient start(String temporal, Map<String, Object> more) throws Exception {
        Map<String, Object> props = new HashMap<>(Map.of(
                "dsrflow.data-dir",
                dataDir.toString(),
                "dsrflow.embedded.temporal",
                temporal,
                "dsrflow.embedded.temporal-port",
                temporalPort,
                "dsrflow.embedded.temporal-ui-port",
                0,
                "micronaut.server.port",
                httpPort,
                "dsrflow.deletion.grace-period",
                "PT1H"));
        props.putAll(more);
        dsrflow = Dsrflow.start(ProcessRole.ALL, Map.of(), props);
        return new ApiClient(dsrflow.httpPort());
    }

    /** Every run the server has of a request's workflow (one unless something started it again). */
    private List<String> runsOf(String requestId) {
        WorkflowServiceStubs stubs =
                dsrflow.context().getBean(WorkflowClient.class).getWorkflowServiceStubs();
        List<String> runs = new ArrayList<>();
        stubs.blockingStub()
                .listWorkflowExecutions(ListWorkflowExecutionsRequest.newBuilder()
                        .setNamespace("default")
                        .setQuery("WorkflowId = '" + WorkflowIds.request(requestId) + "'")
                        .build())
                .getExecutionsList()
                .forEach(e -> runs.add(e.getExecution().getRunId()));
        return runs;
    }

    private void assertTheWebUiDecodesThroughTheCodecEndpoint(int uiPort) throws Exception {
        String ui = "http://localhost:" + uiPort;
        String codec = "http://localhost:" + dsrflow.httpPort() + "/codec";
        assertThat(dsrflow.banner())
                .contains("temporal server start-dev")
                .contains("Temporal UI: " + ui)
                .contains(codec)
                .doesNotContain("test server");
        JsonNode settings = new ApiClient(uiPort).get("/api/v1/settings", null).body();
        assertThat(settings.path("Codec").path("Endpoint").asText()).isEqualTo(codec);
        ApiClient.Answer preflight = new ApiClient(dsrflow.httpPort()).options("/codec/decode", ui);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .as("the UI's origin may call the codec endpoint")
                .contains(ui);
    }

    /** The UI shows a workflow but refuses to act on it, and says so to the UI (no buttons). */
    private static void assertTheWebUiReadsButCannotAct(int uiPort, String workflowId) throws Exception {
        ApiClient ui = new ApiClient(uiPort);
        assertThat(ui.get("/api/v1/settings", null)
                        .body()
                        .path("DisableWriteActions")
                        .asBoolean())
                .as("the UI is told write actions are off")
                .isTrue();
        String workflow = "/api/v1/namespaces/default/workflows/" + workflowId;
        ApiClient.Answer read = ui.get(workflow, null);
        assertThat(read.status()).as("reading a workflow through the UI").isEqualTo(200);
        assertThat(read.raw()).contains(workflowId);
        for (String action : List.of("/terminate", "/cancel", "/signal/cancel", "/reset")) {
            assertThat(ui.post(workflow + action, null, "{\"reason\":\"from the UI\"}")
                            .status())
                    .as("POST " + action + " through the UI")
                    .isEqualTo(403);
        }
    }

    @Test
    void onTheRealServerRequestsSurviveARestartBecauseTemporalKeptThemAndNothingIsReDriven() throws Exception {
        int uiPort = LocalPorts.next();
        ApiClient first = start(
                "dev-server",
                Map.of(
                        "dsrflow.embedded.temporal-ui-port",
                        uiPort,
                        "dsrflow.download.link-ttl",
                        "PT20S",
                        "dsrflow.download.purge-interval",
                        "1h"));
        assertTheWebUiDecodesThroughTheCodecEndpoint(uiPort);
        String completed = file(first, """
        {"type":"ACCESS","subject":{"userId":"u-0611"},"jurisdiction":"GDPR","products":["profile"]}""");
        String manual = file(first, """
        {"type":"ACCESS","subject":{"userId":"u-0612"},
        "jurisdiction":"CCPA","products":["profile","support-tickets"]}""");
        String inGrace = file(first, """
        {"type":"DELETION","subject":{"userId":"u-0614"},"jurisdiction":"GDPR","products":["profile","content"]}""");
        String download = file(first, """
        {"type":"DOWNLOAD","subject":{"userId":"u-0615"},"jurisdiction":"GDPR","products":["profile"]}""");
        awaitStatus(first, completed, "COMPLETED");
        Instant linkExpires = Instant.parse(awaitStatus(first, download, "COMPLETED")
                .get("download")
                .get("expiresAt")
                .asText());
        awaitStatus(first, inGrace, "AWAITING_APPROVAL");
        assertThat(first.post("/v1/requests/" + inGrace + "/approve", "ops2", "{}")
                        .status())
                .isEqualTo(200);
        JsonNode graceBefore = awaitStatus(first, inGrace, "GRACE_PERIOD");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> first.get("/v1/requests/" + manual, "ops").raw().contains("\"MANUAL\""));
        assertTheWebUiReadsButCannotAct(uiPort, WorkflowIds.request(manual));
        List<String> ids = List.of(completed, manual, inGrace);
        Map<String, List<String>> runs = new HashMap<>();
        ids.forEach(id -> runs.put(id, runsOf(id)));
        assertThat(runs.values()).allSatisfy(r -> assertThat(r).hasSize(1));

        // the stop is orderly: the workers end their polls before the connection to the server closes
        ListAppender<ILoggingEvent> stopping = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        stopping.start();
        root.addAppender(stopping);
        dsrflow.close();
        root.detachAppender(stopping);
        assertThat(stopping.list)
                .as("warnings while stopping")
                .noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
        await().atMost(Duration.ofSeconds(60)).until(() -> Instant.now().isAfter(linkExpires));
        // forced, the start-up re-drive tries every unfinished request: the server still has each workflow; the
        // catalogue changed meanwhile (support-tickets automated now), which the requests filed before never see
        // the package whose link expired while the runtime was down is purged at start-up
        Map<String, Object> changed = changedCatalogue();
        changed.put("dsrflow.redrive.all-on-startup", true);
        Logger redriver = (Logger) LoggerFactory.getLogger("dev.dsrflow.orchestrator.LedgerRedriver");
        redriveLog.start();
        redriver.addAppender(redriveLog);
        ApiClient api = start("dev-server", changed);
        assertThat(redriveLog.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .as("the forced re-drive tried the two unfinished requests and started neither")
                .containsExactly("left 2 unfinished request(s) as they are: Temporal still has their workflow");
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() -> download(api, download).get("purged").asBoolean());
        assertThat(blobs().resolve("packages").resolve(download + ".zip")).doesNotExist();

        JsonNode graceAfter = api.get("/v1/requests/" + inGrace, "ops").body();
        assertThat(graceAfter.get("status").asText()).isEqualTo("GRACE_PERIOD");
        assertThat(graceAfter.get("graceEndsAt")).isEqualTo(graceBefore.get("graceEndsAt"));
        assertThat(api.post(
                                "/v1/requests/" + manual + "/products/support-tickets/complete",
                                "ops2",
                                "{\"reason\":\"checked in the vendor system by hand\"}")
                        .status())
                .as("the workflow that waited before the restart takes the operator's action")
                .isEqualTo(200);
        awaitStatus(api, manual, "COMPLETED");
        for (String id : ids) {
            assertThat(runsOf(id)).as("runs of %s after the restart", id).isEqualTo(runs.get(id));
        }
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger("dev.dsrflow.orchestrator.LedgerRedriver")).detachAppender(redriveLog);
        if (dsrflow != null) {
            dsrflow.close();
        }
    }

    private static String file(ApiClient api, String body) throws Exception {
        return file(api, "ops", body);
    }

    private static String file(ApiClient api, String user, String body) throws Exception {
        ApiClient.Answer filed = api.post("/v1/requests", user, body);
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

    /** Settings for the restart tests below: no grace period, a short download link, a sweep only at start-up. */
    private static final Map<String, Object> QUICK = Map.of(
            "dsrflow.deletion.grace-period",
            "PT0S",
            "dsrflow.download.link-ttl",
            "PT20S",
            "dsrflow.download.purge-interval",
            "1h");

    /** QUICK, and the catalogue changed: content no longer erases, the manual support-tickets now locates. */
    private static Map<String, Object> changedCatalogue() {
        Map<String, Object> props = new HashMap<>(QUICK);
        props.put("dsrflow.products.content.automated", false);
        props.put("dsrflow.products.content.capabilities", "LOCATE");
        props.put("dsrflow.products.support-tickets.automated", true);
        props.put("dsrflow.products.support-tickets.capabilities", "LOCATE");
        return props;
    }

    private static String statusOf(JsonNode view, String product) {
        for (JsonNode p : view.get("products")) {
            if (p.get("product").asText().equals(product)) {
                return p.get("status").asText();
            }
        }
        throw new AssertionError("no product " + product + " in " + view);
    }

    private JsonNode download(ApiClient api, String id) throws Exception {
        return api.get("/v1/requests/" + id, "ops").body().get("download");
    }

    private Path blobs() {
        return dataDir.resolve("blobs");
    }

    /**
     * What a restart must not lose or take from configuration, on the fallback (every request
     * re-driven from the ledger): a renewed preservation letter keeps its renewed expiry and its
     * one renewal, and the deletion waiting on it stays deferred until legal releases the hold; a
     * request runs on the product catalogue it recorded at filing, though configuration changed
     * in between; a download package whose link expired while the runtime was down is purged at
     * start-up, with the link token in the outbox.
     */
    @Test
    void onTheFallbackARestartKeepsRenewedHoldsAndRecordedCataloguesAndPurgesExpiredPackages() throws Exception {
        ApiClient first = start("test-server", QUICK);
        String letter = file(first, "legal", """
        {"type":"PRESERVATION","subject":{"userId":"u-0631"},"jurisdiction":"OTHER","products":["messaging"],
         "legalProcess":{"kind":"PRESERVATION_LETTER","reference":"2703f-0631","authority":"FBI"}}""");
        awaitStatus(first, letter, "AWAITING_APPROVAL");
        assertThat(first.post("/v1/requests/" + letter + "/approve", "legal2", "{}")
                        .status())
                .isEqualTo(200);
        JsonNode active = awaitStatus(first, letter, "ACTIVE");
        Instant received = Instant.parse(active.get("receivedAt").asText());
        assertThat(Instant.parse(active.get("holdExpiresAt").asText())).isEqualTo(received.plus(Duration.ofDays(90)));
        Instant renewedTo = received.plus(Duration.ofDays(180));
        ApiClient.Answer renewed = first.post(
                "/v1/requests/" + letter + "/renew",
                "legal",
                "{\"until\":\"" + renewedTo + "\",\"reason\":\"investigation continues\"}");
        assertThat(renewed.status()).as(renewed.raw()).isEqualTo(200);

        String waiting = file(first, """
        {"type":"DELETION","subject":{"userId":"u-0631"},"jurisdiction":"GDPR","products":["messaging","profile"]}""");
        awaitStatus(first, waiting, "AWAITING_APPROVAL");
        assertThat(first.post("/v1/requests/" + waiting + "/approve", "ops2", "{}")
                        .status())
                .isEqualTo(200);
        JsonNode deferred = awaitStatus(first, waiting, "WAITING_ON_HOLD");
        assertThat(statusOf(deferred, "messaging")).isEqualTo("DEFERRED");

        String unapproved = file(first, """
        {"type":"DELETION","subject":{"userId":"u-0632"},"jurisdiction":"GDPR","products":["profile","content"]}""");
        String manual = file(first, """
        {"type":"ACCESS","subject":{"userId":"u-0633"},
        "jurisdiction":"GDPR","products":["profile","support-tickets"]}""");
        String download = file(first, """
        {"type":"DOWNLOAD","subject":{"userId":"u-0634"},"jurisdiction":"GDPR","products":["profile"]}""");
        awaitStatus(first, unapproved, "AWAITING_APPROVAL");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> first.get("/v1/requests/" + manual, "ops").raw().contains("\"MANUAL\""));
        JsonNode ready = awaitStatus(first, download, "COMPLETED").get("download");
        assertThat(ready.get("purged").asBoolean()).isFalse();
        Instant expiresAt = Instant.parse(ready.get("expiresAt").asText());
        Path outbox = blobs().resolve("notifications").resolve(download).resolve(download + "-PACKAGE_READY.json");
        assertThat(Files.readString(outbox)).contains("\"linkToken\":\"");
        assertThat(blobs().resolve("packages"))
                .isDirectoryContaining(f -> f.getFileName().toString().startsWith(download));

        dsrflow.close();
        await().atMost(Duration.ofSeconds(60)).until(() -> Instant.now().isAfter(expiresAt));
        ApiClient api = start("test-server", changedCatalogue());

        // the package expired while the runtime was down: purged at start-up, the outbox keeps no token
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() -> download(api, download).get("purged").asBoolean());
        assertThat(blobs().resolve("packages"))
                .isDirectoryNotContaining(f -> f.getFileName().toString().startsWith(download));
        assertThat(Files.readString(outbox)).contains("\"linkToken\":null");
        assertThat(api.get("/v1/requests/" + download + "/history", "auditor").raw())
                .contains("PACKAGE_PURGED");

        // the renewed letter: still held until its renewed date, and renewed once only
        JsonNode held = awaitStatus(api, letter, "ACTIVE");
        assertThat(Instant.parse(held.get("holdExpiresAt").asText()))
                .as("the renewed expiry, not day 90")
                .isEqualTo(renewedTo);
        ApiClient.Answer again = api.post(
                "/v1/requests/" + letter + "/renew",
                "legal",
                "{\"until\":\"" + renewedTo.plus(Duration.ofDays(1)) + "\",\"reason\":\"once more\"}");
        assertThat(again.status())
                .as("a letter is renewed once, also across a restart")
                .isEqualTo(409);
        JsonNode stillWaiting = awaitStatus(api, waiting, "WAITING_ON_HOLD");
        assertThat(statusOf(stillWaiting, "messaging")).isEqualTo("DEFERRED");
        assertThat(statusOf(stillWaiting, "profile")).isIn("DONE", "NO_DATA");

        // requests filed before the catalogue changed run on the catalogue they recorded
        assertThat(api.post("/v1/requests/" + unapproved + "/approve", "ops2", "{}")
                        .status())
                .isEqualTo(200);
        JsonNode erased = awaitStatus(api, unapproved, "COMPLETED");
        assertThat(statusOf(erased, "content"))
                .as("content was automated when the deletion was filed")
                .isIn("DONE", "NO_DATA");
        assertThat(statusOf(api.get("/v1/requests/" + manual, "ops").body(), "support-tickets"))
                .as("support-tickets was manual when the access was filed")
                .isEqualTo("MANUAL");
        assertThat(api.post(
                                "/v1/requests/" + manual + "/products/support-tickets/complete",
                                "ops2",
                                "{\"reason\":\"checked in the vendor system by hand\"}")
                        .status())
                .isEqualTo(200);
        awaitStatus(api, manual, "COMPLETED");

        assertThat(api.post("/v1/requests/" + letter + "/release", "legal", "{\"reason\":\"case closed\"}")
                        .status())
                .isEqualTo(200);
        awaitStatus(api, letter, "RELEASED");
        JsonNode done = awaitStatus(api, waiting, "COMPLETED");
        assertThat(statusOf(done, "messaging")).as("erased once the hold ended").isIn("DONE", "NO_DATA");
    }

    @Test
    void withoutTheBinaryTheTestServerFallbackReDrivesEveryRequestFromTheLedgerWithItsDatesAndDecisions()
            throws Exception {
        ApiClient first = start();
        assertThat(dsrflow.banner()).contains("embedded test server, in memory");
        String completed = file(first, """
        {"type":"ACCESS","subject":{"userId":"u-0601"},"jurisdiction":"GDPR","products":["profile"]}""");
        String manual = file(first, """
        {"type":"ACCESS","subject":{"userId":"u-0602"},
        "jurisdiction":"CCPA","products":["profile","support-tickets"]}""");
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
