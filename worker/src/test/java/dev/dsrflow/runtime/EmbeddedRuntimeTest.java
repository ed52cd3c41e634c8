package dev.dsrflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dsrflow.temporal.TaskQueues;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The one-command default as a machine without the Temporal CLI runs it (the fallback: the Java
 * test server in memory, embedded PostgreSQL, demo products), driven over HTTP as a privacy-ops
 * engineer would with curl. Every log line it writes meanwhile is kept and checked for subject
 * identifiers. (The same runtime on the real server: EveryRequestTypeTest, RuntimeRestartTest.)
 */
class EmbeddedRuntimeTest {
    private static final List<String> IDENTIFIERS = List.of("u-0042", "user0042@example.com");

    @TempDir
    static Path dataDir;

    private static Dsrflow dsrflow;
    private static ApiClient api;
    private static final ListAppender<ILoggingEvent> LOG = new ListAppender<>();

    @BeforeAll
    static void start() throws Exception {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        LOG.setContext(logging);
        LOG.start();
        Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(LOG);
        logging.getLogger("dev.dsrflow").setLevel(ch.qos.logback.classic.Level.DEBUG);
        dsrflow = Dsrflow.start(
                ProcessRole.ALL,
                Map.of(),
                Map.of(
                        "dsrflow.data-dir", dataDir.toString(),
                        "dsrflow.embedded.temporal-port", LocalPorts.next(),
                        "dsrflow.embedded.temporal", "test-server",
                        "micronaut.server.port", LocalPorts.next(),
                        "dsrflow.api.worker-presence-ttl", "0s"));
        api = new ApiClient(dsrflow.httpPort());
    }

    @AfterAll
    static void stopAndScanTheLogs() {
        if (dsrflow != null) {
            dsrflow.close();
        }
        assertThat(LOG.list).as("log lines captured").isNotEmpty();
        for (ILoggingEvent event : LOG.list) {
            String line = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            for (String identifier : IDENTIFIERS) {
                assertThat(line).as("log line of %s", event.getLoggerName()).doesNotContain(identifier);
            }
        }
    }

    private static String file(String body) throws Exception {
        ApiClient.Answer filed = api.post("/v1/requests", "ops", body);
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
        assertThat(filed.raw()).doesNotContain("user00").doesNotContain("\"u-00");
        return filed.body().get("id").asText();
    }

    private static JsonNode awaitStatus(String id, String status) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> api.get("/v1/requests/" + id, "ops").body(),
                        v -> status.equals(v.path("status").asText()));
    }

    @Test
    void itsStartUpLinesSayTheFallbackKeepsWorkflowsInMemory() {
        assertThat(dsrflow.banner())
                .contains("embedded test server, in memory")
                .contains("run bin/install-test-tools for the real server");
    }

    @Test
    void healthIsUpWhenTemporalAndTheLedgerAnswer() throws Exception {
        ApiClient.Answer health = api.get("/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.raw()).contains("UP");
    }

    @Test
    void anAccessRequestFansOutToDemoProductsAndCompletes() throws Exception {
        String id = file("""
        {"type":"ACCESS","subject":{"userId":"u-0042","email":"user0042@example.com"},
         "jurisdiction":"GDPR","products":["profile","messaging","content"]}""");
        JsonNode done = awaitStatus(id, "COMPLETED");
        assertThat(done.get("products")).hasSize(3);
        for (JsonNode product : done.get("products")) {
            assertThat(product.get("status").asText()).as(product.toString()).isEqualTo("DONE");
            assertThat(product.path("result").path("items").asLong())
                    .as(product.toString())
                    .isPositive();
        }
        assertThat(done.toString()).contains("MESSAGES");

        try (Connection c = DriverManager.getConnection(
                        dsrflow.context()
                                .getProperty("datasources.default.url", String.class)
                                .orElseThrow(),
                        "postgres",
                        "");
                ResultSet rs = c.createStatement()
                        .executeQuery("select status from ledger.requests where id = '" + id + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("COMPLETED");
        }
    }

    /**
     * Suspending a worker stops new polls, but a long poll already waiting may still take a task,
     * so this test checks presence only; that a dead product worker's tasks wait and complete when
     * it returns is {@code WorkerCrashTest}, with the product worker as its own killed process.
     */
    @Test
    void aProductWorkerThatStopsPollingShowsOfflineAndOnlineAgainWhenItReturns() throws Exception {
        Worker messaging = dsrflow.context().getBean(WorkerFactory.class).getWorker(TaskQueues.product("messaging"));
        assertThat(online("messaging")).isTrue();
        messaging.suspendPolling();
        try {
            assertThat(online("messaging")).isFalse();
            assertThat(online("profile")).isTrue();
        } finally {
            messaging.resumePolling();
        }
        assertThat(online("messaging")).isTrue();
        assertThat(online("support-tickets"))
                .as("a manual product has no worker")
                .isFalse();
    }

    @Test
    void auditorsSeeDecryptedPayloadsThroughTheCodecEndpointAndNobodyElseDoes() throws Exception {
        String id = file("""
        {"type":"ACCESS","subject":{"userId":"u-0042"},"jurisdiction":"GDPR","products":["profile"]}""");
        awaitStatus(id, "COMPLETED");
        JsonNode history =
                api.get("/v1/requests/" + id + "/history/temporal", "auditor").body();
        assertThat(history.toString())
                .as("search attributes published for the cluster's visibility")
                .contains("DsrStatus")
                .contains("DsrSubjectKey");
        JsonNode payloads = history.findValue("input");
        assertThat(payloads).as("the workflow's input payloads").isNotNull();
        String encrypted = payloads.toString();
        assertThat(encrypted).as("payload encoding binary/encrypted").contains("YmluYXJ5L2VuY3J5cHRlZA");
        ApiClient.Answer decoded = api.post("/codec/decode", "auditor", encrypted);
        assertThat(decoded.status()).as(decoded.raw()).isEqualTo(200);
        assertThat(new String(java.util.Base64.getDecoder()
                        .decode(decoded.body()
                                .get("payloads")
                                .get(0)
                                .get("data")
                                .asText())))
                .contains("u-0042");
        assertThat(api.post("/codec/decode", "ops", encrypted).status()).isEqualTo(403);
        assertThat(api.post("/codec/decode", null, encrypted).status()).isEqualTo(401);
    }

    @Test
    void secretsAreCreatedOnceWithOwnerOnlyPermissionsOnePerPurpose() throws Exception {
        java.util.Set<String> values = new java.util.HashSet<>();
        for (String name : List.of("codec.keys", "subject-key.secret", "link.secret", "certificate.keys")) {
            Path secret = dataDir.resolve("secrets").resolve(name);
            assertThat(secret).exists();
            assertThat(Files.getPosixFilePermissions(secret))
                    .as(name)
                    .extracting(Object::toString)
                    .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
            String key = Files.readString(secret).trim().replaceFirst("^local-1:", "");
            assertThat(values.add(key))
                    .as("the link secret, the certificate key, the subject-key secret and the codec keys are separate")
                    .isTrue();
        }
    }

    private static boolean online(String product) throws Exception {
        for (JsonNode p : api.get("/v1/products", "ops").body()) {
            if (p.get("id").asText().equals(product)) {
                return p.get("workerOnline").asBoolean();
            }
        }
        throw new AssertionError("no product " + product);
    }
}
