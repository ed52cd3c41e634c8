package dev.dsrflow.runtime;

import static org.awaitility.Awaitility.await;

import dev.dsrflow.testing.TestDatabase;
import io.temporal.testserver.TestServer;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * dsrflow as deploy/ runs it, on one machine: a standalone Temporal server and PostgreSQL, and
 * each dsrflow role as its own JVM configured only through environment variables. Processes
 * can be killed and started again, as a crash and a restart would.
 */
final class LocalCluster implements Closeable {
    private final Path dir;
    private final Closeable temporal;
    private final PGSimpleDataSource db;
    private final Map<String, String> env = new HashMap<>();
    private final List<DsrflowProcess> processes = new ArrayList<>();
    private final int apiPort = FreePorts.next();
    private int launches;

    /** A running dsrflow JVM. */
    final class DsrflowProcess {
        private final String role;
        private final Path log;
        private final Process process;
        private final int port;

        private DsrflowProcess(String role, Path log, Process process, int port) {
            this.role = role;
            this.log = log;
            this.process = process;
            this.port = port;
        }

        /** A client of this process's own HTTP port. */
        ApiClient http() {
            return new ApiClient(port);
        }

        /** Waits until the process printed its ready banner. */
        DsrflowProcess awaitReady() {
            await(role + " ready")
                    .atMost(Duration.ofSeconds(150))
                    .pollInterval(Duration.ofMillis(300))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(role + " exited early:\n" + log());
                        }
                        return log().contains("dsrflow ready (" + role + ")");
                    });
            return this;
        }

        /** Kills the JVM at once (SIGKILL), as a crash would. */
        void kill() throws InterruptedException {
            process.destroyForcibly().waitFor();
        }

        String log() throws IOException {
            return Files.exists(log) ? Files.readString(log) : "";
        }
    }

    LocalCluster(Path dir, Map<String, String> extraEnv) throws IOException {
        this.dir = dir;
        int temporalPort = FreePorts.next();
        this.temporal = TestServer.createPortBoundServer(temporalPort);
        this.db = (PGSimpleDataSource) TestDatabase.fresh();
        env.put("TEMPORAL_ADDRESS", "localhost:" + temporalPort);
        env.put("DATASOURCES_DEFAULT_URL", db.getUrl());
        env.put("DATASOURCES_DEFAULT_USERNAME", "postgres");
        env.put("DATASOURCES_DEFAULT_PASSWORD", "");
        env.put("DSRFLOW_CODEC_KEYS", "k1:" + randomKey());
        env.put("DSRFLOW_SUBJECT_KEY_SECRET", randomKey());
        env.put("DSRFLOW_LINK_SECRET", randomKey());
        env.put("DSRFLOW_CERTIFICATE_KEYS", "cert-1:" + randomKey());
        env.put("DSRFLOW_BLOB_DIR", dir.resolve("blobs").toString());
        env.put("MICRONAUT_ENVIRONMENTS", "demo");
        env.put(
                "DSRFLOW_SECURITY_USERS_OPS_PASSWORD_HASH",
                "$2a$10$nVsYKwmnzlY11u9fcIVZC.zK62sfHtJ/UedIONV4Cn4zcyVPurovm"); // bcrypt of "ops"
        env.put("DSRFLOW_SECURITY_USERS_OPS_ROLES", "PRIVACY_OPS");
        env.put(
                "DSRFLOW_SECURITY_USERS_OPS2_PASSWORD_HASH",
                "$2a$10$2BiOs8I7gz7nIKpKGvI.YeH69trvKyCQ28YlhOAnyZIi80vZOFFC6"); // bcrypt of "ops2"
        env.put("DSRFLOW_SECURITY_USERS_OPS2_ROLES", "PRIVACY_OPS");
        env.putAll(extraEnv);
    }

    /** Starts a role's JVM. */
    DsrflowProcess start(String role) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(
                java,
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                Dsrflow.class.getName(),
                role);
        pb.environment()
                .keySet()
                .removeIf(k -> k.startsWith("DSRFLOW_") || k.startsWith("TEMPORAL_") || k.startsWith("DATASOURCES_"));
        pb.environment().putAll(env);
        int port = role.equals("api") ? apiPort : FreePorts.next();
        pb.environment().put("DSRFLOW_HTTP_PORT", String.valueOf(port));
        pb.environment().put("DSRFLOW_DATA_DIR", dir.resolve(role).toString());
        if (role.equals("products")) {
            pb.environment().put("DSRFLOW_DEMO_ENABLED", "true");
            // as deploy/ gives them: the codec keys, and no subject-key, link or certificate secret
            pb.environment()
                    .keySet()
                    .removeAll(
                            List.of("DSRFLOW_SUBJECT_KEY_SECRET", "DSRFLOW_LINK_SECRET", "DSRFLOW_CERTIFICATE_KEYS"));
        }
        Path log = dir.resolve(role + "-" + (++launches) + ".log");
        pb.redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        DsrflowProcess p = new DsrflowProcess(role, log, pb.start(), port);
        processes.add(p);
        return p;
    }

    ApiClient api() {
        return new ApiClient(apiPort);
    }

    /** The ledger database, for checks an auditor would make. */
    DataSource ledger() {
        return db;
    }

    Path dir() {
        return dir;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Override
    public void close() throws IOException {
        for (DsrflowProcess p : processes) {
            p.process.destroy();
        }
        for (DsrflowProcess p : processes) {
            try {
                p.process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        temporal.close();
    }
}
