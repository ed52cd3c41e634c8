package dev.dsrflow.runtime;

import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import dev.dsrflow.testing.TestDatabase;
import io.temporal.api.enums.v1.TaskQueueType;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueRequest;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsResponse;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.Closeable;
import java.io.File;
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
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * dsrflow as deploy/ runs it, on one machine: the real Temporal server ({@code temporal server
 * start-dev}, persisted in a SQLite file, with dsrflow's search attributes registered as on a
 * cluster, by deploy/temporal/register-search-attributes.sh through {@code temporal operator
 * search-attribute create}), PostgreSQL, and each dsrflow role as its own JVM configured only
 * through environment variables. Processes, the
 * Temporal server among them, can be killed and started again, as a crash and a restart would.
 * Without the Temporal CLI the cluster does not start, and says to run bin/install-test-tools.
 */
final class LocalCluster implements Closeable {
    private final Path dir;
    private TemporalDevServer temporal;
    private WorkflowServiceStubs visibility;
    private final PGSimpleDataSource db;
    private final Map<String, String> env = new HashMap<>();
    private final List<DsrflowProcess> processes = new ArrayList<>();
    private final int apiPort = LocalPorts.next();
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

    LocalCluster(Path dir, Map<String, String> extraEnv) throws IOException, InterruptedException {
        this.dir = dir;
        Path cli = TemporalDevServer.requireBinary();
        this.temporal = TemporalDevServer.start(new TemporalDevServer.Options(
                cli,
                dir.resolve("temporal").resolve("temporal.db"),
                LocalPorts.next(),
                0,
                null,
                dir.resolve("temporal").resolve("server.log"),
                false));
        registerSearchAttributes(cli);
        this.db = (PGSimpleDataSource) TestDatabase.fresh();
        env.put("TEMPORAL_ADDRESS", temporal.address());
        env.put("DSRFLOW_TEMPORAL_SEARCH_ATTRIBUTES", "true");
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
        env.put(
                "DSRFLOW_SECURITY_USERS_LEGAL_PASSWORD_HASH",
                "$2a$10$K5sRf0JHQB2b5BE76mfnkOlO3vAjiT98.ko6A0NoAPRQhqBS2Qlqq"); // bcrypt of "legal"
        env.put("DSRFLOW_SECURITY_USERS_LEGAL_ROLES", "LEGAL");
        env.put(
                "DSRFLOW_SECURITY_USERS_LEGAL2_PASSWORD_HASH",
                "$2a$10$/RIXeaZuN3Gip769T7A7uel//9WpNyfvA.7PTAtNdTOfh2.XzsWJK"); // bcrypt of "legal2"
        env.put("DSRFLOW_SECURITY_USERS_LEGAL2_ROLES", "LEGAL");
        env.put(
                "DSRFLOW_SECURITY_USERS_AUDITOR_PASSWORD_HASH",
                "$2a$10$My74KFnag1oHByw8RMETu.99w8TcRxPjuoZE8twudi4/EZAR9Ozlq"); // bcrypt of "auditor"
        env.put("DSRFLOW_SECURITY_USERS_AUDITOR_ROLES", "AUDITOR");
        env.putAll(extraEnv);
    }

    /** Registers the search attributes as deploy/ does on a cluster: its script, with the temporal CLI. */
    private void registerSearchAttributes(Path cli) throws IOException, InterruptedException {
        Path script = Path.of("..", "deploy", "temporal", "register-search-attributes.sh");
        Path log = dir.resolve("temporal").resolve("register-search-attributes.log");
        ProcessBuilder pb = new ProcessBuilder(
                        "sh", script.toAbsolutePath().normalize().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("TEMPORAL_ADDRESS", temporal.address());
        pb.environment().put("TEMPORAL_NAMESPACE", "default");
        pb.environment().put("PATH", cli.toAbsolutePath().getParent() + File.pathSeparator + System.getenv("PATH"));
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            temporal.close();
            throw new IllegalStateException(script + " failed:\n" + Files.readString(log));
        }
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
        int port = role.equals("api") ? apiPort : LocalPorts.next();
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

    /** Kills the Temporal server at once (SIGKILL): its SQLite file keeps what it committed. */
    void killTemporal() {
        temporal.kill();
    }

    /** Starts the Temporal server again on the same port and database file. */
    void restartTemporal() throws IOException {
        temporal = temporal.restart();
    }

    /** The ids of the workflow executions (every run, open or closed) a visibility query finds. */
    List<String> workflowIds(String query) {
        List<String> ids = new ArrayList<>();
        ByteString page = ByteString.EMPTY;
        do {
            ListWorkflowExecutionsResponse response = stubs().blockingStub()
                    .listWorkflowExecutions(ListWorkflowExecutionsRequest.newBuilder()
                            .setNamespace("default")
                            .setQuery(query)
                            .setNextPageToken(page)
                            .build());
            response.getExecutionsList().forEach(e -> ids.add(e.getExecution().getWorkflowId()));
            page = response.getNextPageToken();
        } while (!page.isEmpty());
        return ids;
    }

    /** About how many activity tasks wait in a task queue for a worker (the server's backlog statistics). */
    long activityBacklog(String taskQueue) {
        return stubs().blockingStub()
                .describeTaskQueue(DescribeTaskQueueRequest.newBuilder()
                        .setNamespace("default")
                        .setTaskQueue(TaskQueue.newBuilder().setName(taskQueue))
                        .setTaskQueueType(TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY)
                        .setReportStats(true)
                        .build())
                .getStats()
                .getApproximateBacklogCount();
    }

    private synchronized WorkflowServiceStubs stubs() {
        if (visibility == null) {
            visibility = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                    .setTarget(temporal.address())
                    .build());
        }
        return visibility;
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
        if (visibility != null) {
            visibility.shutdownNow();
        }
        temporal.close();
    }
}
