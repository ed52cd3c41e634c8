package dev.dsrflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dsrflow.temporal.SearchAttributeNames;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Every request type end to end over the API on the default runtime and its demo products
 * (real rows in PostgreSQL): a download the subject fetches through the signed link, and a
 * legal hold that defers a deletion until legal releases it. The runtime is started as the run
 * command starts it, with nothing said about Temporal: it finds the real server's CLI in the
 * project's tools folder. The subjects' identifiers reach no log line, no workflow id or search
 * attribute, no link, and nothing the Temporal server stores or logs in plain text.
 */
class EveryRequestTypeTest {
    @TempDir
    static Path dataDir;

    /** Every identifier a test here files a request with (the e-mail resolves to the user id). */
    private static final List<String> IDENTIFIERS =
            List.of("user0077@example.com", "user0088@example.com", "u-0088", "user0077", "user0088");

    private static final ListAppender<ILoggingEvent> LOG = new ListAppender<>();
    private static Dsrflow dsrflow;
    private static ApiClient api;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        LOG.setContext(logging);
        LOG.start();
        logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(LOG);
        logging.getLogger("dev.dsrflow").setLevel(Level.DEBUG);
        dsrflow = Dsrflow.start(
                ProcessRole.ALL,
                Map.of(),
                Map.of(
                        "dsrflow.data-dir", dataDir.toString(),
                        "dsrflow.embedded.temporal-port", LocalPorts.next(),
                        "dsrflow.embedded.temporal-ui-port", 0,
                        "micronaut.server.port", LocalPorts.next(),
                        "dsrflow.deletion.grace-period", "PT2S"));
        port = dsrflow.httpPort();
        api = new ApiClient(port);
    }

    @AfterAll
    static void stopAndScanWhatWasKept() throws Exception {
        if (dsrflow != null) {
            dsrflow.close();
        }
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(LOG);
        logging.getLogger("dev.dsrflow").setLevel(null);
        assertThat(LOG.list).as("log lines captured").isNotEmpty();
        for (ILoggingEvent event : LOG.list) {
            String line = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            assertThat(line).as("log line of %s", event.getLoggerName()).doesNotContain(IDENTIFIERS);
        }
        // the server's SQLite database (histories, visibility) and its log: payloads are encrypted, ids are not
        // personal
        try (Stream<Path> kept = Files.list(dataDir.resolve("temporal"))) {
            for (Path file : kept.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(bytes)
                        .as("what Temporal keeps in %s", file.getFileName())
                        .doesNotContain(IDENTIFIERS);
            }
        }
    }

    private static String file(String user, String body) throws Exception {
        ApiClient.Answer filed = api.post("/v1/requests", user, body);
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
        return filed.body().get("id").asText();
    }

    private static JsonNode awaitStatus(String id, String status) {
        return await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300))
                .until(
                        () -> api.get("/v1/requests/" + id, "ops").body(),
                        v -> status.equals(v.path("status").asText()));
    }

    @Test
    void theDefaultRuntimeRunsTheRealServerFromTheProjectsToolsFolderWithItsDatabaseUnderTheDataDirectory() {
        Path db = dataDir.resolve("temporal").resolve("temporal.db");
        assertThat(dsrflow.banner())
                .as("no DSRFLOW_TEMPORAL_CLI, no PATH: the CLI bin/install-test-tools put in .dsrflow/tools")
                .contains("(temporal server start-dev, workflows kept in " + db + ")")
                .doesNotContain("test server");
        assertThat(db).isRegularFile();
        String address = dsrflow.context().getRequiredProperty("dsrflow.temporal.address", String.class);
        OperatorServiceStubs operator = OperatorServiceStubs.newServiceStubs(
                OperatorServiceStubsOptions.newBuilder().setTarget(address).validateAndBuildWithDefaults());
        try {
            assertThat(operator.blockingStub()
                            .listSearchAttributes(ListSearchAttributesRequest.newBuilder()
                                    .setNamespace("default")
                                    .build())
                            .getCustomAttributesMap())
                    .as("dsrflow's search attributes, registered by the run command")
                    .containsKeys(SearchAttributeNames.TYPES.keySet().toArray(String[]::new));
        } finally {
            operator.shutdownNow();
        }
    }

    @Test
    void aDownloadIsOneZipWithAManifestTheSubjectFetchesThroughTheSignedLink() throws Exception {
        String id = file("ops", """
        {"type":"DOWNLOAD","subject":{"email":"user0077@example.com"},"jurisdiction":"GDPR",
         "products":["profile","messaging","content"],"format":"JSON"}""");
        JsonNode done = awaitStatus(id, "COMPLETED");
        String url = done.path("download").path("url").asText();
        assertThat(url).contains("/v1/packages/").doesNotContain(IDENTIFIERS);

        HttpResponse<byte[]> zip = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + url))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip.body())))
                .isEqualTo(done.path("download").path("sha256").asText());

        List<String> entries = new ArrayList<>();
        String manifest = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.add(e.getName());
                if (e.getName().equals("manifest.json")) {
                    manifest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(entries).contains("manifest.json", "index.html");
        assertThat(entries).anyMatch(e -> e.startsWith("messaging/"));
        assertThat(manifest).contains("sha256");
        assertThat(entries)
                .as("each product's files sit directly in its folder")
                .noneMatch(e -> e.startsWith("messaging/messaging/") || e.startsWith("profile/profile/"));
        JsonNode messaging = null;
        for (JsonNode folder : new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(manifest)
                .path("products")) {
            if (folder.path("product").asText().equals("messaging")) {
                messaging = folder;
            }
        }
        assertThat(messaging).isNotNull();
        long itemsInFiles = 0;
        for (JsonNode file : messaging.path("files")) {
            itemsInFiles += file.path("items").asLong();
        }
        assertThat(itemsInFiles)
                .as("every file's item count comes from the product's export manifest")
                .isPositive()
                .isEqualTo(messaging.path("items").asLong());
        assertThat(api.get("/v1/packages/not-a-token", null).status()).isEqualTo(404);
    }

    @Test
    void aLegalHoldOnAUserIdDefersADeletionNamedByTheirEmailUntilLegalReleasesIt() throws Exception {
        String hold = file("legal", """
        {"type":"PRESERVATION","subject":{"userId":"u-0088"},"jurisdiction":"OTHER","products":["messaging"],
         "legalProcess":{"kind":"COURT_ORDER","reference":"case-2026-0042","authority":"District Court"}}""");
        awaitStatus(hold, "AWAITING_APPROVAL");
        assertThat(api.post("/v1/requests/" + hold + "/approve", "legal", "{}").status())
                .as("four eyes")
                .isEqualTo(409);
        assertThat(api.post("/v1/requests/" + hold + "/approve", "legal2", "{}").status())
                .isEqualTo(200);
        JsonNode active = awaitStatus(hold, "ACTIVE");
        assertThat(active.get("products")
                        .get(0)
                        .path("result")
                        .path("receipt")
                        .path("items")
                        .asLong())
                .isPositive();

        // the same person named by e-mail: profile resolves it to the held user id
        String deletion = file("ops", """
        {"type":"DELETION","subject":{"email":"user0088@example.com"},"jurisdiction":"GDPR",
         "products":["messaging","profile"]}""");
        awaitStatus(deletion, "AWAITING_APPROVAL");
        assertThat(api.post("/v1/requests/" + deletion + "/approve", "ops2", "{}")
                        .status())
                .isEqualTo(200);
        JsonNode waiting = awaitStatus(deletion, "WAITING_ON_HOLD");
        assertThat(statusOf(waiting, "messaging")).isEqualTo("DEFERRED");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> statusOf(api.get("/v1/requests/" + deletion, "ops").body(), "profile"), "DONE"::equals);

        assertThat(api.post("/v1/requests/" + hold + "/release", "legal", "{\"reason\":\"case closed\"}")
                        .status())
                .isEqualTo(200);
        awaitStatus(hold, "RELEASED");
        JsonNode done = awaitStatus(deletion, "COMPLETED");
        assertThat(statusOf(done, "messaging")).isEqualTo("DONE");
        assertThat(done.get("certificate")).isNotNull();

        WorkflowServiceStubs stubs =
                dsrflow.context().getBean(WorkflowClient.class).getWorkflowServiceStubs();
        List<WorkflowExecutionInfo> workflows = stubs.blockingStub()
                .listWorkflowExecutions(ListWorkflowExecutionsRequest.newBuilder()
                        .setNamespace("default")
                        .setPageSize(1000)
                        .build())
                .getExecutionsList();
        assertThat(workflows).as("the requests' workflows").hasSizeGreaterThanOrEqualTo(2);
        for (WorkflowExecutionInfo workflow : workflows) {
            assertThat(workflow.getExecution().getWorkflowId()).doesNotContain(IDENTIFIERS);
            assertThat(workflow.getSearchAttributes().toString())
                    .as("search attributes of %s", workflow.getExecution().getWorkflowId())
                    .doesNotContain(IDENTIFIERS);
        }
    }

    private static String statusOf(JsonNode view, String product) {
        for (JsonNode p : view.get("products")) {
            if (p.get("product").asText().equals(product)) {
                return p.get("status").asText();
            }
        }
        return "ABSENT";
    }
}
