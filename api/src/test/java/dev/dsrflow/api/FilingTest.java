package dev.dsrflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsrflow.ledger.RequestSnapshot;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.workflow.RequestUpdates;
import dev.dsrflow.workflow.WorkflowIds;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.temporal.client.WorkflowClient;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@MicronautTest
class FilingTest extends ApiTestSupport {

    @Inject
    WorkflowClient temporal;

    @Inject
    EmbeddedServer server;

    @Test
    void filingAnAccessRequestAnswers201WithLocationAndAViewWithoutIdentifiers() {
        Answer a = post("/v1/requests", filing("ACCESS"), "ops");
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        JsonNode view = a.json();
        String id = view.path("id").asText();
        assertThat(a.response().getHeaders().get("Location")).isEqualTo("/v1/requests/" + id);
        assertThat(view.path("type").asText()).isEqualTo("ACCESS");
        assertThat(view.path("jurisdiction").asText()).isEqualTo("GDPR");
        assertThat(view.path("requestedBy").asText()).isEqualTo("ops");
        assertThat(view.path("subjectKey").asText()).startsWith("sk-");
        assertThat(view.path("receivedAt").asText()).endsWith("Z");
        assertThat(view.has("approvedBy")).isTrue();
        assertThat(a.body()).doesNotContain(SUBJECT_EMAIL).doesNotContain(SUBJECT_USER);
    }

    @Test
    void theFilingAnswerCarriesTheDueDateTheLawGivesAndTheWorkflowKeeps() {
        JsonNode gdpr = post("/v1/requests", filing("ACCESS"), "ops").json();
        Instant received = Instant.parse(gdpr.path("receivedAt").asText());
        assertThat(Instant.parse(gdpr.path("dueAt").asText()))
                .as("GDPR: one month from receipt")
                .isEqualTo(received.atZone(ZoneOffset.UTC).plusMonths(1).toInstant());
        String id = gdpr.path("id").asText();
        awaitStatus(id, "IN_PROGRESS");
        assertThat(get("/v1/requests/" + id, "ops").json().path("dueAt").asText())
                .isEqualTo(gdpr.path("dueAt").asText());

        JsonNode ccpa = post("/v1/requests", filing("ACCESS").replace("GDPR", "CCPA"), "ops")
                .json();
        assertThat(Duration.between(
                        Instant.parse(ccpa.path("receivedAt").asText()),
                        Instant.parse(ccpa.path("dueAt").asText())))
                .isEqualTo(Duration.ofDays(45));
        assertThat(post("/v1/requests", filing("PRESERVATION"), "legal")
                        .json()
                        .path("dueAt")
                        .isNull())
                .as("a preservation has no deadline")
                .isTrue();
    }

    @Test
    void theLedgerKeepsTheSpecEncryptedAndEveryIdentifiersKey() {
        String id = file("ACCESS", "ops");
        assertThat(count("select count(*) from ledger.request_subject_keys where request_id = '" + id + "'"))
                .isEqualTo(2);
        assertThat(count("select count(*) from ledger.requests where id = '" + id + "' and position('" + SUBJECT_EMAIL
                        + "'::bytea in spec_ciphertext) > 0"))
                .isZero();
    }

    @Test
    void filingStartsTheWorkflowOfTheRequestsType() {
        String id = file("ACCESS", "ops");
        awaitStatus(id, "IN_PROGRESS");
        RequestSnapshot live = temporal.newUntypedWorkflowStub(WorkflowIds.request(id))
                .query(RequestUpdates.VIEW, RequestSnapshot.class);
        assertThat(live.status()).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(live.products()).extracting(p -> p.product()).containsExactly("content", "legacy", "messaging");
    }

    @Test
    void productsDefaultToEveryRegisteredProductAndAListNarrowsThem() {
        String body = "{\"type\": \"ACCESS\", \"subject\": {\"phone\": \"+1 555 0100\"}, \"jurisdiction\": \"CCPA\","
                + " \"products\": [\"messaging\"], \"categories\": [\"MESSAGES\"],"
                + " \"dateRange\": {\"from\": \"2024-01-01T00:00:00Z\", \"to\": \"2025-01-01T00:00:00Z\"},"
                + " \"note\": \"by phone\"}";
        Answer a = post("/v1/requests", body, "ops");
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        String id = a.json().path("id").asText();
        awaitStatus(id, "COMPLETED"); // its one product holds nothing of the subject
        JsonNode products = get("/v1/requests/" + id, "ops").json().path("products");
        assertThat(products).hasSize(1);
        assertThat(products.get(0).path("product").asText()).isEqualTo("messaging");
    }

    @Test
    void legalFilesAPreservation() {
        Answer a = post("/v1/requests", filing("PRESERVATION"), "legal");
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        assertThat(a.json().path("type").asText()).isEqualTo("PRESERVATION");
    }

    @Test
    void legalFilingADeletionIsForbidden() {
        long before = count("select count(*) from ledger.requests");
        post("/v1/requests", filing("DELETION"), "legal").problem(403);
        assertThat(count("select count(*) from ledger.requests")).isEqualTo(before);
    }

    @Test
    void privacyOpsFilingAPreservationIsForbidden() {
        post("/v1/requests", filing("PRESERVATION"), "ops").problem(403);
    }

    @Test
    void auditorsAndProductTeamsCannotFile() {
        post("/v1/requests", filing("ACCESS"), "auditor").problem(403);
        post("/v1/requests", filing("ACCESS"), "product").problem(403);
    }

    @Test
    void filingWithoutCredentialsIs401() {
        post("/v1/requests", filing("ACCESS"), null).problem(401);
    }

    @Test
    void aWrongPasswordIs401() {
        Answer a = call(HttpRequest.POST("/v1/requests", filing("ACCESS"))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .basicAuth("ops", "not-the-password"));
        a.problem(401);
    }

    @Test
    void theSameIdempotencyKeyAndBodyReturnTheSameRequestWith200() {
        Answer first = call(withKey(filing("DOWNLOAD"), "key-replay", "ops"));
        Answer again = call(withKey(filing("DOWNLOAD"), "key-replay", "ops"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("id").asText())
                .isEqualTo(first.json().path("id").asText());
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIs409() {
        assertThat(call(withKey(filing("ACCESS"), "key-conflict", "ops")).status())
                .isEqualTo(201);
        call(withKey(filing("DOWNLOAD"), "key-conflict", "ops")).problem(409);
    }

    @Test
    void theSameIdempotencyKeyFromAnotherUserIs409() {
        assertThat(call(withKey(filing("ACCESS"), "key-other-user", "ops")).status())
                .isEqualTo(201);
        call(withKey(filing("ACCESS"), "key-other-user", "ops2")).problem(409);
    }

    @Test
    void anOverlongIdempotencyKeyIs400() {
        JsonNode p = call(withKey(filing("ACCESS"), "k".repeat(201), "ops")).problem(400);
        assertThat(fields(p)).contains("Idempotency-Key");
    }

    @Test
    void twoHundredIdenticalSubmissionsWithOneKeyFromTwentyThreadsCreateExactlyOneRequest() throws Exception {
        long before = count("select count(*) from ledger.requests");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Answer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                answers.add(pool.submit(() -> call(withKey(filing("DELETION"), "key-storm", "ops"))));
            }
            List<Integer> statuses = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (Future<Answer> f : answers) {
                Answer a = f.get();
                statuses.add(a.status());
                ids.add(a.json().path("id").asText());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(199);
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("select count(*) from ledger.requests")).isEqualTo(before + 1);
        assertThat(count("select count(*) from ledger.request_events where kind = 'FILED' and request_id in"
                        + " (select id from ledger.requests where idempotency_key = 'key-storm')"))
                .isEqualTo(1);
    }

    static Stream<Arguments> badFilings() {
        String subject = "\"subject\": {\"userId\": \"u-1\"}";
        String base = "\"type\": \"ACCESS\", " + subject + ", \"jurisdiction\": \"GDPR\"";
        String legal = "\"legalProcess\": {\"kind\": \"SUBPOENA\", \"reference\": \"r-1\"}";
        return Stream.of(
                Arguments.of("missing subject", "{\"type\": \"ACCESS\", \"jurisdiction\": \"GDPR\"}", "subject"),
                Arguments.of(
                        "subject without identifiers",
                        "{\"type\": \"ACCESS\", \"subject\": {}, \"jurisdiction\": \"GDPR\"}",
                        "subject"),
                Arguments.of(
                        "blank identifiers",
                        "{\"type\": \"ACCESS\", \"subject\": {\"userId\": \" \", \"email\": \"\"},"
                                + " \"jurisdiction\": \"GDPR\"}",
                        "subject"),
                Arguments.of(
                        "unknown type", "{\"type\": \"ERASE\", " + subject + ", \"jurisdiction\": \"GDPR\"}", "type"),
                Arguments.of("missing type", "{" + subject + ", \"jurisdiction\": \"GDPR\"}", "type"),
                Arguments.of("type not a string", "{\"type\": 3, " + subject + ", \"jurisdiction\": \"GDPR\"}", "type"),
                Arguments.of("missing jurisdiction", "{\"type\": \"ACCESS\", " + subject + "}", "jurisdiction"),
                Arguments.of(
                        "bad jurisdiction",
                        "{\"type\": \"ACCESS\", " + subject + ", \"jurisdiction\": \"EU\"}",
                        "jurisdiction"),
                Arguments.of("unknown product", "{" + base + ", \"products\": [\"nope\"]}", "products[0]"),
                Arguments.of(
                        "product twice", "{" + base + ", \"products\": [\"content\", \"content\"]}", "products[1]"),
                Arguments.of("empty product list", "{" + base + ", \"products\": []}", "products"),
                Arguments.of("products not a list", "{" + base + ", \"products\": \"content\"}", "products"),
                Arguments.of("unknown category", "{" + base + ", \"categories\": [\"SECRETS\"]}", "categories[0]"),
                Arguments.of(
                        "from after to",
                        "{" + base
                                + ", \"dateRange\": {\"from\": \"2025-01-01T00:00:00Z\", \"to\":"
                                + " \"2024-01-01T00:00:00Z\"}}",
                        "dateRange.from"),
                Arguments.of(
                        "empty range",
                        "{" + base
                                + ", \"dateRange\": {\"from\": \"2025-01-01T00:00:00Z\", \"to\":"
                                + " \"2025-01-01T00:00:00Z\"}}",
                        "dateRange.from"),
                Arguments.of(
                        "bad instant", "{" + base + ", \"dateRange\": {\"from\": \"yesterday\"}}", "dateRange.from"),
                Arguments.of("oversize note", "{" + base + ", \"note\": \"" + "n".repeat(2001) + "\"}", "note"),
                Arguments.of(
                        "preservation without legal process",
                        "{\"type\": \"PRESERVATION\", " + subject + ", \"jurisdiction\": \"OTHER\"}",
                        "legalProcess"),
                Arguments.of("legal process on access", "{" + base + ", " + legal + "}", "legalProcess"),
                Arguments.of(
                        "legal process without reference",
                        "{\"type\": \"PRESERVATION\", " + subject
                                + ", \"jurisdiction\": \"OTHER\", \"legalProcess\": {\"kind\": \"SUBPOENA\"}}",
                        "legalProcess.reference"),
                Arguments.of(
                        "bad legal process kind",
                        "{\"type\": \"PRESERVATION\", " + subject
                                + ", \"jurisdiction\": \"OTHER\", \"legalProcess\": {\"kind\": \"LETTER\","
                                + " \"reference\": \"r\"}}",
                        "legalProcess.kind"),
                Arguments.of(
                        "legal process expired",
                        "{\"type\": \"PRESERVATION\", " + subject
                                + ", \"jurisdiction\": \"OTHER\", \"legalProcess\": {\"kind\": \"SUBPOENA\","
                                + " \"reference\": \"r\", \"expiresAt\": \"2001-01-01T00:00:00Z\"}}",
                        "legalProcess.expiresAt"),
                Arguments.of(
                        "format on a deletion",
                        "{\"type\": \"DELETION\", " + subject + ", \"jurisdiction\": \"GDPR\", \"format\": \"JSON\"}",
                        "format"),
                Arguments.of(
                        "bad format",
                        "{\"type\": \"DOWNLOAD\", " + subject + ", \"jurisdiction\": \"GDPR\", \"format\": \"PDF\"}",
                        "format"),
                Arguments.of("malformed JSON", "{\"type\": \"ACCESS\", ", "body"),
                Arguments.of("not an object", "[1, 2]", "body"),
                Arguments.of("empty body", "", "body"),
                Arguments.of("duplicate key", "{" + base + ", \"type\": \"DELETION\"}", "body"),
                Arguments.of("unknown field", "{" + base + ", \"ssn\": \"078-05-1120\"}", "ssn"),
                Arguments.of(
                        "unknown nested field",
                        "{\"type\": \"ACCESS\", \"subject\": {\"userId\": \"u-1\", \"ssn\": \"078-05-1120\"},"
                                + " \"jurisdiction\": \"GDPR\"}",
                        "subject.ssn"),
                Arguments.of(
                        "bad email",
                        "{\"type\": \"ACCESS\", \"subject\": {\"email\": \"ada at example\"}, \"jurisdiction\":"
                                + " \"GDPR\"}",
                        "subject.email"),
                Arguments.of(
                        "bad phone",
                        "{\"type\": \"ACCESS\", \"subject\": {\"phone\": \"call me maybe\"}, \"jurisdiction\":"
                                + " \"GDPR\"}",
                        "subject.phone"),
                Arguments.of(
                        "bad user id",
                        "{\"type\": \"ACCESS\", \"subject\": {\"userId\": \"ada lovelace\"}, \"jurisdiction\":"
                                + " \"GDPR\"}",
                        "subject.userId"),
                Arguments.of(
                        "subject not an object",
                        "{\"type\": \"ACCESS\", \"subject\": \"u-1\", \"jurisdiction\": \"GDPR\"}",
                        "subject"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFilings")
    void badInputAnswers400NamingTheFieldAndLeavesNoLedgerRow(String why, String body, String field) {
        long before = count("select count(*) from ledger.requests");
        JsonNode problem = post("/v1/requests", body, "ops").problem(400);
        assertThat(fields(problem)).as(problem.toString()).contains(field);
        assertThat(problem.toString()).doesNotContain("ada at example").doesNotContain("078-05-1120");
        assertThat(count("select count(*) from ledger.requests")).isEqualTo(before);
    }

    @Test
    void aBodyOver64KilobytesIsRefusedNamingTheBody() {
        long before = count("select count(*) from ledger.requests");
        String body =
                "{\"type\": \"ACCESS\", \"subject\": {\"userId\": \"u-1\"}, \"jurisdiction\": \"GDPR\", \"note\": \""
                        + "x".repeat(70 * 1024) + "\"}";
        JsonNode problem = post("/v1/requests", body, "ops").problem(413);
        assertThat(fields(problem)).contains("body");
        assertThat(count("select count(*) from ledger.requests")).isEqualTo(before);
    }

    @Test
    void aBodyOverTheServersLimitIsRefusedAsAProblemNamingTheBody() {
        // over the main configuration's max-request-size (1MB): cut off before any controller
        String body = "{\"note\": \"" + "x".repeat(1100 * 1024) + "\"}";
        JsonNode problem = post("/v1/requests", body, "ops").problem(413);
        assertThat(fields(problem)).contains("body");
        assertThat(problem.path("detail").asText()).isEqualTo("The request body is too large");
    }

    @Test
    void aBodyWithoutAContentTypeIs415() throws Exception {
        long before = count("select count(*) from ledger.requests");
        HttpResponse<String> r = raw("/v1/requests", null, filing("ACCESS"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(415);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(JSON.readTree(r.body()).path("errors").get(0).path("field").asText())
                .isEqualTo("Content-Type");
        String deletion = file("DELETION", "ops");
        assertThat(raw("/v1/requests/" + deletion + "/reject", null, "{\"reason\": \"no\"}")
                        .statusCode())
                .isEqualTo(415);
        assertThat(count("select count(*) from ledger.requests")).isEqualTo(before + 1);
    }

    @Test
    void aCrossSiteFormPostIs415() throws Exception {
        HttpResponse<String> r = raw(
                "/v1/requests",
                "application/x-www-form-urlencoded",
                "type=ACCESS&jurisdiction=GDPR&subject.userId=u-1");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(415);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(raw("/v1/requests", "multipart/form-data; boundary=x", "--x--")
                        .statusCode())
                .isEqualTo(415);
    }

    /** A POST exactly as given (the Micronaut client would add a JSON Content-Type). */
    private HttpResponse<String> raw(String path, String contentType, String body) throws Exception {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                        server.getURI().resolve(path))
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString("ops:ops".getBytes(StandardCharsets.UTF_8)))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aNonJsonContentTypeIsAProblem() {
        Answer a = call(HttpRequest.POST("/v1/requests", filing("ACCESS"))
                .contentType(MediaType.TEXT_PLAIN_TYPE)
                .basicAuth("ops", "ops"));
        a.problem(415);
    }

    private static HttpRequest<?> withKey(String body, String key, String user) {
        return HttpRequest.POST("/v1/requests", body)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("Idempotency-Key", key)
                .basicAuth(user, user);
    }

    static List<String> fields(JsonNode problem) {
        List<String> out = new ArrayList<>();
        problem.path("errors").forEach(e -> out.add(e.path("field").asText()));
        return out;
    }
}
