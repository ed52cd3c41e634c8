package dev.dsrflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL — the ledger and the demo products' store — goes away in the middle of a run, until
 * the health check reports it down. Activities retry; every request completes; nothing is lost or written twice.
 */
class PostgresOutageTest {
    @TempDir
    Path dir;

    private EmbeddedPostgres postgres;
    private Dsrflow dsrflow;

    private EmbeddedPostgres startPostgres(int port) throws Exception {
        return EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dir.resolve("pg"))
                .setCleanDataDirectory(false)
                .start();
    }

    @AfterEach
    void stop() throws Exception {
        if (dsrflow != null) {
            dsrflow.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void requestsSurviveTenSecondsWithoutTheDatabase() throws Exception {
        int pgPort = LocalPorts.next();
        postgres = startPostgres(pgPort);
        String url = postgres.getJdbcUrl("postgres", "postgres");
        dsrflow = Dsrflow.start(
                ProcessRole.ALL,
                Map.of("DATASOURCES_DEFAULT_URL", url),
                Map.of(
                        "dsrflow.data-dir",
                        dir.resolve("data").toString(),
                        "dsrflow.embedded.temporal-port",
                        LocalPorts.next(),
                        "dsrflow.embedded.temporal-ui-port",
                        0,
                        "micronaut.server.port",
                        LocalPorts.next(),
                        "datasources.default.url",
                        url,
                        "datasources.default.username",
                        "postgres",
                        "datasources.default.password",
                        ""));
        ApiClient api = new ApiClient(dsrflow.httpPort());

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ApiClient.Answer filed = api.post("/v1/requests", "ops", """
          {"type":"ACCESS","subject":{"userId":"u-05%02d"},"jurisdiction":"GDPR",
           "products":["profile","content","messaging","ads"]}""".formatted(i));
            assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
            ids.add(filed.body().get("id").asText());
        }

        postgres.close();
        await("the ledger seen down by the health check")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> api.get("/health", null).status(), status -> status != 200);
        postgres = startPostgres(pgPort);

        for (String id : ids) {
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .until(
                            () -> api.get("/v1/requests/" + id, "ops")
                                    .body()
                                    .path("status")
                                    .asText(),
                            "COMPLETED"::equals);
        }
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            for (String id : ids) {
                try (ResultSet rs = c.createStatement()
                        .executeQuery("select product, count(*) from ledger.request_events where request_id = '" + id
                                + "' and kind = 'PRODUCT_DONE' group by product")) {
                    int products = 0;
                    while (rs.next()) {
                        products++;
                        assertThat(rs.getInt(2))
                                .as("PRODUCT_DONE events of %s on %s", id, rs.getString(1))
                                .isEqualTo(1);
                    }
                    assertThat(products).isEqualTo(4);
                }
                assertThat(api.get("/v1/requests/" + id + "/history", "auditor")
                                .body()
                                .get("verified")
                                .asBoolean())
                        .isTrue();
            }
        }
    }
}
