package dev.dsrflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.dsrflow.notification.DemoMailbox;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * Metrics, traces and deadline notices of the one-command runtime, as Prometheus, a trace
 * backend and a privacy-ops webhook see them. Jurisdiction OTHER is due in 6 s with a 3 s
 * warning here, so a request waiting for an operator warns and breaches during the test.
 */
class ObservabilityTest {
    private static final List<String> IDENTIFIERS = List.of("u-0042", "user0042@example.com", "u-0077");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUBJECT_KEY = "sk-[0-9a-f]{40}";
    private static final String PRIVACY_OPS = "privacy-ops@example.com";

    @TempDir
    static Path dataDir;

    private static Dsrflow dsrflow;
    private static ApiClient api;
    private static HttpServer webhook;
    private static final List<JsonNode> NOTICES = new CopyOnWriteArrayList<>();
    private static String completedId;
    private static String overdueId;

    @BeforeAll
    static void start() throws Exception {
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/hook", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                NOTICES.add(JSON.readTree(body));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhook.start();
        dsrflow = Dsrflow.start(
                ProcessRole.ALL,
                Map.of(),
                Map.ofEntries(
                        Map.entry("dsrflow.data-dir", dataDir.toString()),
                        Map.entry("dsrflow.embedded.temporal-port", LocalPorts.next()),
                        Map.entry("micronaut.server.port", LocalPorts.next()),
                        Map.entry("dsrflow.policy.other-deadline", "PT6S"),
                        Map.entry("dsrflow.policy.warning-lead", "PT3S"),
                        Map.entry("dsrflow.observability.local-spans", true),
                        Map.entry("test.in-memory-spans", true),
                        Map.entry("dsrflow.observability.refresh-interval", "200ms"),
                        Map.entry("dsrflow.observability.temporal-report-interval", "500ms"),
                        Map.entry("dsrflow.observability.notice-scan-interval", "200ms"),
                        Map.entry("dsrflow.observability.deadline-email", PRIVACY_OPS),
                        Map.entry(
                                "dsrflow.observability.deadline-webhook",
                                "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook")));
        api = new ApiClient(dsrflow.httpPort());
        completedId = file("""
        {"type":"ACCESS","subject":{"userId":"u-0042","email":"user0042@example.com"},
         "jurisdiction":"GDPR","products":["profile"]}""");
        overdueId = file("""
        {"type":"ACCESS","subject":{"userId":"u-0077"},"jurisdiction":"OTHER","products":["support-tickets"]}""");
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> api.get("/v1/requests/" + completedId, "ops")
                        .body()
                        .path("status")
                        .asText()
                        .equals("COMPLETED"));
    }

    @AfterAll
    static void stop() {
        if (dsrflow != null) {
            dsrflow.close();
        }
        if (webhook != null) {
            webhook.stop(0);
        }
    }

    private static String file(String body) throws Exception {
        ApiClient.Answer filed = api.post("/v1/requests", "ops", body);
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
        return filed.body().get("id").asText();
    }

    static PrometheusText metrics() throws Exception {
        ApiClient.Answer answer = api.get("/metrics", "metrics");
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        return PrometheusText.parse(answer.raw());
    }

    @Test
    void aCompletedRequestShowsInTheCountersTheHistogramAndTheTemporalMetricsOfEachQueue() throws Exception {
        PrometheusText seen = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        ObservabilityTest::metrics,
                        m -> m.sum("dsrflow_request_completion_seconds_count", Map.of("type", "ACCESS")) >= 1
                                && m.any(
                                        "temporal_activity_execution_latency_seconds_count",
                                        Map.of("task_queue", "dsr-product-profile"))
                                && m.any(
                                        "temporal_workflow_task_execution_latency_seconds_count",
                                        Map.of("task_queue", "dsr-orchestrator"))
                                && m.sum(
                                                "dsrflow_notices_total",
                                                Map.of("channel", "email", "kind", "ACCESS_READY", "outcome", "sent"))
                                        >= 1);
        assertThat(seen.sum("dsrflow_requests_filed_total", Map.of("type", "ACCESS", "jurisdiction", "GDPR")))
                .isGreaterThanOrEqualTo(1);
        assertThat(seen.sum(
                        "dsrflow_requests_ended_total",
                        Map.of("type", "ACCESS", "jurisdiction", "GDPR", "status", "COMPLETED")))
                .isGreaterThanOrEqualTo(1);
        assertThat(seen.sum("dsrflow_request_completion_seconds_bucket", Map.of("type", "ACCESS", "le", "+Inf")))
                .isGreaterThanOrEqualTo(1);
        assertThat(seen.sum("dsrflow_product_tasks_total", Map.of("product", "profile", "outcome", "DONE")))
                .isGreaterThanOrEqualTo(1);
        assertThat(seen.sum("dsrflow_product_attempts_total", Map.of("product", "profile", "outcome", "success")))
                .isGreaterThanOrEqualTo(1);
        assertThat(seen.sum("dsrflow_ledger_write_seconds_count", Map.of("operation", "record")))
                .isGreaterThanOrEqualTo(1);
        assertThat(seen.sum("dsrflow_ledger_up", Map.of())).isEqualTo(1);
        assertThat(seen.sum(
                        "dsrflow_notices_total",
                        Map.of("channel", "email", "kind", "ACKNOWLEDGEMENT", "outcome", "sent")))
                .as("the subject's mail through the outbox counts as a notice sent")
                .isGreaterThanOrEqualTo(1);
        String raw = api.get("/metrics", "metrics").raw();
        assertThat(raw).as("no request id in a label").doesNotContain(completedId);
        IDENTIFIERS.forEach(id -> assertThat(raw).doesNotContain(id));
        assertThat(raw).as("no subject key in a label").doesNotContainPattern(SUBJECT_KEY);
    }

    @Test
    void oneTraceRunsFromTheHttpCallThroughTheWorkflowToTheProductActivityWithoutIdentifiers() {
        SpanData http = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> spans().stream()
                                .filter(s -> s.getName().equals("POST /v1/requests")
                                        && completedId.equals(attribute(s, "dsrflow.request.id")))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        String trace = http.getTraceId();
        List<SpanData> inTrace = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> spans().stream()
                                .filter(s -> s.getTraceId().equals(trace))
                                .toList(),
                        t -> names(t).contains("RunWorkflow:AccessRequest")
                                && names(t).stream().anyMatch(n -> n.startsWith("RunActivity:Product"))
                                && names(t).stream().anyMatch(n -> n.startsWith("RunActivity:Ledger")));
        SpanData workflow = inTrace.stream()
                .filter(s -> s.getName().equals("RunWorkflow:AccessRequest"))
                .findFirst()
                .orElseThrow();
        assertThat(attribute(workflow, "dsrflow.request.id")).isEqualTo(completedId);
        assertThat(attribute(workflow, "dsrflow.request.type")).isEqualTo("ACCESS");
        assertThat(inTrace.stream().filter(s -> s.getName().startsWith("RunActivity:Product")))
                .allSatisfy(s -> assertThat(attribute(s, "dsrflow.request.id")).isEqualTo(completedId));
        for (SpanData span : inTrace) {
            String attributes = span.getAttributes().toString();
            IDENTIFIERS.forEach(id -> assertThat(attributes).as(span.getName()).doesNotContain(id));
            assertThat(attributes).as(span.getName()).doesNotContain("holds-").doesNotContainPattern(SUBJECT_KEY);
        }
    }

    @Test
    void anOverdueRequestSendsEachEscalationOnceAndShowsInTheGauges() throws Exception {
        await().atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> notices(overdueId).size() >= 2);
        double scans = metrics().sum("dsrflow_deadline_scans_total", Map.of());
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> metrics().sum("dsrflow_deadline_scans_total", Map.of()) >= scans + 5);
        List<JsonNode> sent = notices(overdueId);
        assertThat(sent).extracting(n -> n.get("kind").asText()).containsExactly("DEADLINE_WARNING", "OVERDUE");
        assertThat(sent.get(1).get("requestType").asText()).isEqualTo("ACCESS");
        assertThat(sent.get(1).get("jurisdiction").asText()).isEqualTo("OTHER");
        assertThat(sent.toString()).doesNotContain("u-0077");
        List<DemoMailbox.Mail> mailed = dsrflow.context().getBean(DemoMailbox.class).received().stream()
                .filter(mail ->
                        mail.to().contains(PRIVACY_OPS) && mail.subject().contains(overdueId))
                .toList();
        assertThat(mailed)
                .as("privacy ops are mailed each escalation once, through the subjects' relay")
                .extracting(DemoMailbox.Mail::subject)
                .containsExactly(
                        "dsrflow: request " + overdueId + " is due soon",
                        "dsrflow: request " + overdueId + " is overdue");
        assertThat(mailed.toString() + mailed.get(1).text()).doesNotContain("u-0077");

        PrometheusText m = await().atMost(Duration.ofSeconds(10))
                .until(
                        ObservabilityTest::metrics,
                        x -> x.sum("dsrflow_requests_overdue", Map.of("type", "ACCESS")) >= 1);
        assertThat(m.sum("dsrflow_requests_open", Map.of("type", "ACCESS"))).isGreaterThanOrEqualTo(1);
        assertThat(m.sum("dsrflow_product_tasks_waiting", Map.of("product", "support-tickets")))
                .isGreaterThanOrEqualTo(1);
        assertThat(m.sum("dsrflow_notices_total", Map.of("channel", "webhook", "kind", "OVERDUE", "outcome", "sent")))
                .isEqualTo(1);
        assertThat(m.sum("dsrflow_notices_total", Map.of("channel", "email", "kind", "OVERDUE", "outcome", "sent")))
                .isEqualTo(1);
    }

    @Test
    void metricsNeedTheMetricsRole() throws Exception {
        assertThat(api.get("/metrics", null).status()).isEqualTo(401);
        assertThat(api.get("/metrics", "ops").status()).isEqualTo(403);
        assertThat(api.get("/metrics", "metrics").status()).isEqualTo(200);
    }

    /** Metric names in a PromQL expression (not Prometheus's own {@code up}). */
    private static final Pattern METRIC = Pattern.compile("\\b((?:dsrflow|temporal|http_server)_[a-z0-9_]+)\\b");

    @Test
    @SuppressWarnings("unchecked")
    void theScrapeConfigAlertRulesAndDashboardsParseAndUseOnlyMetricsThatExist() throws Exception {
        Map<String, Object> prometheus = new Yaml().load(deployFile("prometheus/prometheus.yml"));
        List<Map<String, Object>> jobs = (List<Map<String, Object>>) prometheus.get("scrape_configs");
        assertThat(jobs)
                .extracting(j -> j.get("job_name"))
                .containsExactly("dsrflow-api", "dsrflow-orchestrator", "dsrflow-products");
        assertThat(jobs).allSatisfy(j -> {
            assertThat(j.get("metrics_path")).isEqualTo("/metrics");
            assertThat((Map<String, Object>) j.get("basic_auth")).containsEntry("username", "metrics");
        });
        assertThat((List<String>) prometheus.get("rule_files")).containsExactly("alerts.yml");

        Set<String> referenced = new TreeSet<>();
        Map<String, Object> rules = new Yaml().load(deployFile("prometheus/alerts.yml"));
        List<String> alerts = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                alerts.add((String) rule.get("alert"));
                assertThat(rule).containsKeys("expr", "for", "labels", "annotations");
                assertThat((Map<String, Object>) rule.get("annotations")).containsKey("summary");
                metricsIn((String) rule.get("expr"), referenced);
            }
        }
        assertThat(alerts)
                .contains(
                        "DsrRequestOverdue",
                        "DsrRequestDueWithinADay",
                        "DsrProductTasksWaitingForAnOperator",
                        "DsrProductWorkerOffline",
                        "DsrLedgerUnreachable");
        for (String dashboard : List.of("grafana/privacy-ops.json", "grafana/operators.json")) {
            JsonNode json = JSON.readTree(deployFile(dashboard));
            assertThat(json.path("panels").size()).as(dashboard).isGreaterThan(5);
            for (JsonNode panel : json.get("panels")) {
                assertThat(panel.path("targets").size())
                        .as(panel.path("title").asText())
                        .isPositive();
                panel.get("targets").forEach(t -> metricsIn(t.get("expr").asText(), referenced));
            }
        }
        assertThat(referenced)
                .contains("dsrflow_requests_overdue", "temporal_activity_schedule_to_start_latency_seconds_bucket");
        // The SDK creates its request-failure counters at the first failed call, which a healthy
        // run (the real server answers every call) may never make: those must be the SDK's own
        // names; every other metric a rule or panel reads must be in /metrics now.
        Set<String> onFirstFailure = Set.of(
                io.temporal.serviceclient.MetricsType.TEMPORAL_REQUEST_FAILURE + "_total",
                io.temporal.serviceclient.MetricsType.TEMPORAL_LONG_REQUEST_FAILURE + "_total");
        Set<String> present = new java.util.TreeSet<>(referenced);
        present.removeAll(onFirstFailure);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(metrics().names()).containsAll(present));
    }

    private static void metricsIn(String expression, Set<String> into) {
        Matcher m = METRIC.matcher(expression);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    private static String deployFile(String path) throws IOException {
        return Files.readString(Path.of("..", "deploy").resolve(path), StandardCharsets.UTF_8);
    }

    private static List<JsonNode> notices(String requestId) {
        return NOTICES.stream()
                .filter(n -> requestId.equals(n.path("requestId").asText()))
                .toList();
    }

    private static List<SpanData> spans() {
        return InMemorySpans.EXPORTER.getFinishedSpanItems();
    }

    private static List<String> names(List<SpanData> spans) {
        return spans.stream().map(SpanData::getName).toList();
    }

    private static String attribute(SpanData span, String key) {
        return span.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey(key));
    }
}
