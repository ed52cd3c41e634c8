package dev.dsrflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-command default, started as the README starts it (embedded Temporal and
 * PostgreSQL, demo products), driven over HTTP as a privacy-ops engineer would with curl.
 */
class EmbeddedRuntimeTest {
  @TempDir static Path dataDir;
  private static Dsrflow dsrflow;
  private static ApiClient api;

  @BeforeAll
  static void start() throws Exception {
    dsrflow = Dsrflow.start(ProcessRole.ALL, Map.of(), Map.of(
        "dsrflow.data-dir", dataDir.toString(),
        "dsrflow.embedded.temporal-port", FreePorts.next(),
        "micronaut.server.port", FreePorts.next()));
    api = new ApiClient(dsrflow.httpPort());
  }

  @AfterAll
  static void stop() {
    if (dsrflow != null) {
      dsrflow.close();
    }
  }

  @Test
  void healthIsUpWhenTemporalAndTheLedgerAnswer() throws Exception {
    ApiClient.Answer health = api.get("/health", null);
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.raw()).contains("UP");
  }

  @Test
  void anAccessRequestFansOutToEveryDemoProductAndCompletes() throws Exception {
    ApiClient.Answer filed = api.post("/v1/requests", "ops", """
        {"type":"ACCESS","subject":{"userId":"u-0042","email":"user0042@example.com"},
         "jurisdiction":"GDPR","products":["profile","messaging","content"]}""");
    assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
    String id = filed.body().get("id").asText();
    assertThat(filed.raw()).doesNotContain("user0042").doesNotContain("u-0042");

    JsonNode done = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
        .until(() -> api.get("/v1/requests/" + id, "ops").body(), v -> "COMPLETED".equals(v.path("status").asText()));
    assertThat(done.get("products")).hasSize(3);
    for (JsonNode product : done.get("products")) {
      assertThat(product.get("status").asText()).as(product.toString()).isIn("DONE", "NO_DATA");
    }
    assertThat(done.toString()).contains("MESSAGES");

    try (Connection c = DriverManager.getConnection(
        dsrflow.context().getProperty("datasources.default.url", String.class).orElseThrow(), "postgres", "");
        ResultSet rs = c.createStatement().executeQuery(
            "select status from ledger.requests where id = '" + id + "'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("COMPLETED");
    }
  }

  @Test
  void secretsAreCreatedOnceWithOwnerOnlyPermissions() throws Exception {
    Path codec = dataDir.resolve("secrets/codec.keys");
    assertThat(codec).exists();
    assertThat(Files.getPosixFilePermissions(codec)).extracting(Object::toString)
        .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
  }
}
