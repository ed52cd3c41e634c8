package dev.dsrflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsrflow.codec.SealedSpecs;
import dev.dsrflow.ledger.LedgerStore;
import dev.dsrflow.model.SubjectKey;
import dev.dsrflow.testing.TestDatabase;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.LoggerFactory;

/**
 * What every API test shares: a fresh database and blob directory per test class, an HTTP
 * client that never throws on error statuses, request fixtures, and a check after each class that
 * no log line carried a subject identifier. The default users' password is their name
 * (ops/ops, legal/legal, auditor/auditor, ...).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiTestSupport implements TestPropertyProvider {
    protected static final ObjectMapper JSON = new ObjectMapper();
    public static final String SUBJECT_EMAIL = "ada.lovelace@example.com";
    public static final String SUBJECT_USER = "u-1815";

    @Inject
    @Client("/")
    protected HttpClient http;

    @Inject
    protected DataSource dataSource;

    @Inject
    protected LedgerStore ledger;

    @Inject
    protected SubjectKey subjectKey;

    @Inject
    protected SealedSpecs sealed;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    /** Identifiers the tests of this class submit: none may ever reach a log line. */
    protected List<String> identifiersNeverLogged() {
        return List.of(SUBJECT_EMAIL, SUBJECT_USER, "ada at example", "078-05-1120");
    }

    @BeforeAll
    void captureLogs() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterAll
    void noLogLineCarriesASubjectIdentifier() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        for (ILoggingEvent event : List.copyOf(logs.list)) {
            String line = event.getFormattedMessage() + " "
                    + (event.getThrowableProxy() == null
                            ? ""
                            : event.getThrowableProxy().getClassName() + ": "
                                    + event.getThrowableProxy().getMessage());
            for (String identifier : identifiersNeverLogged()) {
                assertThat(line).as("a log line of " + event.getLoggerName()).doesNotContainIgnoringCase(identifier);
            }
        }
    }

    @Override
    public Map<String, String> getProperties() {
        PGSimpleDataSource db = (PGSimpleDataSource) TestDatabase.fresh();
        try {
            return Map.of(
                    "datasources.default.url", db.getUrl(),
                    "dsrflow.blob.dir",
                            Files.createTempDirectory("dsrflow-blobs").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HTTP answer, whatever its status. */
    public record Answer(int status, String contentType, String body, HttpResponse<?> response) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        /** Asserts a problem document with this status. */
        public JsonNode problem(int expectedStatus) {
            assertThat(status).as(body).isEqualTo(expectedStatus);
            assertThat(contentType).startsWith("application/problem+json");
            JsonNode p = json();
            assertThat(p.path("status").asInt()).isEqualTo(expectedStatus);
            assertThat(p.path("title").asText()).isNotBlank();
            return p;
        }
    }

    protected Answer call(HttpRequest<?> request) {
        try {
            HttpResponse<String> r = http.toBlocking().exchange(request, String.class);
            return new Answer(
                    r.code(),
                    r.getHeaders().get(HttpHeaders.CONTENT_TYPE),
                    r.getBody().orElse(""),
                    r);
        } catch (HttpClientResponseException e) {
            HttpResponse<?> r = e.getResponse();
            return new Answer(
                    r.code(),
                    r.getHeaders().get(HttpHeaders.CONTENT_TYPE),
                    r.getBody(String.class).orElse(""),
                    r);
        }
    }

    /** The ids of a list's items, in the list's order (the list must answer 200). */
    /** Writes requests straight into this test's ledger. */
    protected LedgerFixtures fixtures() {
        return new LedgerFixtures(ledger, subjectKey, sealed);
    }

    protected List<String> listedIds(String query, String user) {
        Answer a = get("/v1/requests" + query, user);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        a.json().path("items").forEach(i -> out.add(i.path("id").asText()));
        return out;
    }

    protected Answer get(String path, String user) {
        MutableHttpRequest<?> request = HttpRequest.GET(path);
        return call(user == null ? request : request.basicAuth(user, user));
    }

    protected Answer post(String path, String body, String user) {
        MutableHttpRequest<?> request = body == null
                ? HttpRequest.POST(path, "")
                : HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_JSON_TYPE);
        return call(user == null ? request : request.basicAuth(user, user));
    }

    /** A valid filing of the given type (legal process included for preservations). */
    protected static String filing(String type) {
        String legal = type.equals("PRESERVATION")
                ? ", \"legalProcess\": {\"kind\": \"SUBPOENA\", \"reference\": \"case-2026-0042\","
                        + " \"authority\": \"District court\"}"
                : "";
        return "{\"type\": \"" + type + "\", \"subject\": {\"userId\": \"" + SUBJECT_USER + "\", \"email\": \""
                + SUBJECT_EMAIL + "\"}, \"jurisdiction\": \"GDPR\"" + legal + "}";
    }

    /** Files a valid request and returns its id. */
    protected String file(String type, String user) {
        Answer a = post("/v1/requests", filing(type), user);
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json().path("id").asText();
    }

    /** Waits until the ledger shows the request in this status (workflows write it asynchronously). */
    protected void awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> status.equals(get("/v1/requests/" + id, "auditor")
                        .json()
                        .path("status")
                        .asText()));
    }

    protected long count(String sql) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    protected void execute(String sql) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
