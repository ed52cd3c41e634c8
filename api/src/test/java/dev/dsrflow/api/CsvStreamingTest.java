package dev.dsrflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CSV export of a large ledger streams from a database cursor: the first rows reach the
 * client while the server is still reading the ledger, and every row arrives in the end. A list
 * over that many matches answers PostgreSQL's estimate as its total.
 */
@MicronautTest
class CsvStreamingTest extends ApiTestSupport {
    private static final int ROWS = 60_000;
    private static final String EXPORT_QUERY = "select r.id, r.type, r.status%order by r.received_at desc, r.id";

    @Inject
    EmbeddedServer server;

    /** Injected so that the ledger's schema exists before the rows are seeded. */
    @BeforeAll
    void seed() {
        execute("insert into ledger.requests (id, type, status, jurisdiction, subject_key, received_at, due_at,"
                + " requested_by, spec_ciphertext)"
                + " select 'csv-' || g, 'ACCESS', case when g % 3 = 0 then 'COMPLETED' else 'IN_PROGRESS' end, 'GDPR',"
                + " 'sk-' || g, now() - interval '1 minute' * g, now() + interval '30 days', 'ops', '\\x00'::bytea"
                + " from generate_series(1, " + ROWS + ") g");
    }

    @Test
    void theFirstRowsArriveWhileTheLedgerIsStillBeingReadAndEveryRowArrives() throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + "/v1/requests"))
                                .header("Accept", "text/csv")
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString(
                                                                "auditor:auditor".getBytes(StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));

        try (BufferedReader csv =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8), 1024)) {
            assertThat(csv.readLine()).startsWith("id,type,status,jurisdiction,subjectKey");
            assertThat(csv.readLine()).startsWith("csv-1,ACCESS,IN_PROGRESS,GDPR,sk-1,");
            // the client has read two rows: the export's cursor is still open in the database
            assertThat(openExports()).isEqualTo(1);

            long rows = 2;
            String last = null;
            for (String line; (line = csv.readLine()) != null; ) {
                rows++;
                last = line;
            }
            assertThat(rows).isEqualTo(ROWS + 1);
            assertThat(last).startsWith("csv-" + ROWS + ",");
        }
        // read to the end: the cursor is closed and its connection is back in the pool
        await().atMost(Duration.ofSeconds(10)).until(() -> openExports() == 0);
    }

    @Test
    void aCsvPageIsStillOnePageWhenPageOrSizeIsGiven() {
        Answer a = call(io.micronaut.http.HttpRequest.GET("/v1/requests?status=COMPLETED&size=5")
                .accept("text/csv")
                .basicAuth("auditor", "auditor"));
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().split("\r\n")).hasSize(6);
    }

    @Test
    void aListMatchingMoreThanTwentyThousandRequestsAnswersThePlannersEstimateOfTheRows() {
        execute("analyze ledger.requests");
        Answer a = get("/v1/requests?size=1", "auditor");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.json().path("totalExact").asBoolean(true)).isFalse();
        // the planner's estimate of the 60,000 rows, not the floor a missing estimate would give
        assertThat(a.json().path("total").asLong()).isBetween(ROWS / 2L, ROWS * 2L);
    }

    private long openExports() {
        return count("select count(*) from pg_stat_activity where datname = current_database()"
                + " and pid <> pg_backend_pid() and state in ('idle in transaction', 'active') and query like '"
                + EXPORT_QUERY.replace("'", "''") + "'");
    }
}
