package dev.dsrflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsrflow.testing.TestDatabase;
import io.temporal.testserver.TestServer;
import java.io.Closeable;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What deploy/ runs: the API, the orchestrator worker and a product worker as three separate
 * JVMs, configured only through the environment (TEMPORAL_ADDRESS, DATASOURCES_DEFAULT_URL,
 * secrets), against a standalone Temporal server and PostgreSQL. Nothing embedded starts in
 * them, and one request goes through.
 */
class SeparateProcessesTest {
  @TempDir static Path dir;
  private static Closeable temporal;
  private static final List<Process> PROCESSES = new ArrayList<>();
  private static int apiPort;

  @BeforeAll
  static void startEverythingSeparately() throws Exception {
    int temporalPort = FreePorts.next();
    temporal = TestServer.createPortBoundServer(temporalPort);
    PGSimpleDataSource db = (PGSimpleDataSource) TestDatabase.fresh();

    Map<String, String> env = new HashMap<>();
    env.put("TEMPORAL_ADDRESS", "localhost:" + temporalPort);
    env.put("DATASOURCES_DEFAULT_URL", db.getUrl());
    env.put("DATASOURCES_DEFAULT_USERNAME", "postgres");
    env.put("DATASOURCES_DEFAULT_PASSWORD", "");
    env.put("DSRFLOW_CODEC_KEYS", "k1:" + randomKey());
    env.put("DSRFLOW_SUBJECT_KEY_SECRET", randomKey());
    env.put("DSRFLOW_LINK_SECRET", randomKey());
    env.put("DSRFLOW_BLOB_DIR", dir.resolve("blobs").toString());
    env.put("MICRONAUT_ENVIRONMENTS", "demo");
    env.put("DSRFLOW_SECURITY_USERS_OPS_PASSWORD", "ops");
    env.put("DSRFLOW_SECURITY_USERS_OPS_ROLES", "PRIVACY_OPS");

    apiPort = FreePorts.next();
    PROCESSES.add(launch("api", env, Map.of("DSRFLOW_HTTP_PORT", String.valueOf(apiPort))));
    PROCESSES.add(launch("orchestrator", env, Map.of("DSRFLOW_HTTP_PORT", String.valueOf(FreePorts.next()))));
    PROCESSES.add(launch("products", env, Map.of("DSRFLOW_HTTP_PORT", String.valueOf(FreePorts.next()),
        "DSRFLOW_DEMO_ENABLED", "true")));
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  private static Process launch(String role, Map<String, String> env, Map<String, String> extra) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), Dsrflow.class.getName(), role);
    pb.environment().keySet().removeIf(k -> k.startsWith("DSRFLOW_") || k.startsWith("TEMPORAL_") || k.startsWith("DATASOURCES_"));
    pb.environment().putAll(env);
    pb.environment().putAll(extra);
    pb.environment().put("DSRFLOW_DATA_DIR", dir.resolve(role).toString());
    pb.redirectErrorStream(true);
    pb.redirectOutput(dir.resolve(role + ".log").toFile());
    return pb.start();
  }

  @AfterAll
  static void stopAll() throws Exception {
    for (Process p : PROCESSES) {
      p.destroy();
    }
    for (Process p : PROCESSES) {
      p.waitFor();
    }
    if (temporal != null) {
      temporal.close();
    }
  }

  @Test
  void anAccessRequestRunsThroughApiOrchestratorAndProductWorkerProcesses() throws Exception {
    ApiClient api = new ApiClient(apiPort);
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
        .until(() -> api.get("/health", null).status() == 200);

    ApiClient.Answer filed = api.post("/v1/requests", "ops", """
        {"type":"ACCESS","subject":{"userId":"u-0007"},"jurisdiction":"CCPA","products":["profile","messaging"]}""");
    assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
    String id = filed.body().get("id").asText();

    JsonNode done = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
        .until(() -> api.get("/v1/requests/" + id, "ops").body(), v -> "COMPLETED".equals(v.path("status").asText()));
    assertThat(done.get("products")).extracting(p -> p.get("status").asText()).containsOnly("DONE");

    for (String role : List.of("api", "orchestrator", "products")) {
      String log = Files.readString(dir.resolve(role + ".log"));
      assertThat(log).as(role + " log").contains("dsrflow ready (" + role + ")")
          .doesNotContain("embedded test server").doesNotContain("PostgreSQL: localhost");
      assertThat(dir.resolve(role).resolve("postgres")).as("no embedded database in " + role).doesNotExist();
    }
    assertThat(new File(dir.toFile(), "api.log")).exists();
  }
}
