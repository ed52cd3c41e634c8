package dev.dsrflow.runtime;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts a dsrflow process. With no argument (role {@code all}) it is the one-command default:
 * whatever is not configured (Temporal, PostgreSQL, secrets) runs embedded, then the API, the
 * orchestrator worker and the demo product workers start in this JVM. With a role argument
 * ({@code api}, {@code orchestrator}, {@code products}) it runs that part alone against the
 * configured Temporal and PostgreSQL.
 */
public final class Dsrflow implements AutoCloseable {
    private final ApplicationContext context;
    private final EmbeddedInfrastructure infrastructure;
    private final Duration startup;
    private String banner = "";

    private Dsrflow(ApplicationContext context, EmbeddedInfrastructure infrastructure, Duration startup) {
        this.context = context;
        this.infrastructure = infrastructure;
        this.startup = startup;
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("verify")) { // the auditor's offline check: no runtime starts
            dev.dsrflow.verify.VerifyCommand.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        ProcessRole role = args.length == 0 ? ProcessRole.ALL : ProcessRole.parse(args[0]);
        if (role == ProcessRole.BENCH) {
            dev.dsrflow.bench.BenchMain.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Dsrflow dsrflow = start(role, System.getenv(), Map.of());
        Runtime.getRuntime().addShutdownHook(new Thread(dsrflow::close, "dsrflow-shutdown"));
    }

    /**
     * Starts a process.
     *
     * @param role what to run
     * @param env the environment (decides what is embedded)
     * @param overrides extra properties (tests use them for ports and directories)
     */
    public static Dsrflow start(ProcessRole role, Map<String, String> env, Map<String, Object> overrides)
            throws IOException {
        long t0 = System.nanoTime();
        Map<String, Object> props = new LinkedHashMap<>(RoleProperties.of(role));
        props.putAll(overrides);
        Path dataDir = Path.of(String.valueOf(
                        props.getOrDefault("dsrflow.data-dir", env.getOrDefault("DSRFLOW_DATA_DIR", "data"))))
                .toAbsolutePath();
        props.put("dsrflow.data-dir", dataDir.toString());
        if (!env.containsKey("DSRFLOW_BLOB_DIR")) {
            props.putIfAbsent("dsrflow.blob.dir", dataDir.resolve("blobs").toString());
        }

        EmbeddedInfrastructure infra = null;
        if (role == ProcessRole.ALL) {
            int postgresPort =
                    intProp(props, env, "dsrflow.embedded.postgres-port", "DSRFLOW_EMBEDDED_POSTGRES_PORT", 0);
            int smtpPort = intProp(props, env, "dsrflow.embedded.smtp-port", "DSRFLOW_EMBEDDED_SMTP_PORT", 0);
            infra = EmbeddedInfrastructure.start(dataDir, env, temporalChoice(props, env), postgresPort, smtpPort);
            Map<String, Object> configured = Map.copyOf(props);
            props.putAll(infra.properties());
            // a setting the caller gave wins over the embedded default (a test forcing a re-drive)
            props.computeIfPresent("dsrflow.redrive.all-on-startup", (k, v) -> configured.getOrDefault(k, v));
            props.putAll(LocalSecrets.resolve(dataDir, env));
        }
        try {
            // not Micronaut.run: it adds a shutdown hook of its own that deadlocks with ours
            ApplicationContext context = ApplicationContext.builder()
                    .singletons(
                            infra == null
                                    ? new Object[0]
                                    : infra.mailbox().stream().toArray())
                    .deduceEnvironment(false)
                    .environments(RoleProperties.environments(role))
                    .properties(props)
                    .banner(false)
                    .start();
            context.findBean(EmbeddedServer.class).ifPresent(EmbeddedServer::start);
            Dsrflow dsrflow = new Dsrflow(context, infra, Duration.ofNanos(System.nanoTime() - t0));
            dsrflow.banner = dsrflow.banner(role, dataDir);
            System.out.println(dsrflow.banner);
            return dsrflow;
        } catch (RuntimeException e) {
            if (infra != null) {
                infra.close();
            }
            throw e;
        }
    }

    /** The running Micronaut context. */
    public ApplicationContext context() {
        return context;
    }

    /** The start-up lines it printed (what runs where). */
    String banner() {
        return banner;
    }

    /** The HTTP port, once started. */
    public int httpPort() {
        return context.getBean(EmbeddedServer.class).getPort();
    }

    private String banner(ProcessRole role, Path dataDir) {
        StringBuilder b = new StringBuilder("\n");
        b.append("dsrflow ready (")
                .append(role.name().toLowerCase())
                .append(") in ")
                .append(String.format("%.1f", startup.toMillis() / 1000.0))
                .append(" s\n");
        context.findBean(EmbeddedServer.class)
                .ifPresent(server -> b.append("  API:        http://localhost:")
                        .append(server.getPort())
                        .append("/v1  (OpenAPI at /openapi, health at /health)\n"));
        if (infrastructure != null) {
            b.append(infrastructure.summary());
            b.append("  Data:       ").append(dataDir).append(" (blobs, secrets, database)\n");
            b.append("  Console:    http://localhost:").append(httpPort()).append("/console\n");
            b.append("  Users:      ops/ops, ops2/ops2 (PRIVACY_OPS), legal/legal, legal2/legal2 (LEGAL),"
                    + " auditor/auditor (AUDITOR), metrics/metrics (METRICS)\n");
            b.append("  Try:        curl -u ops:ops localhost:")
                    .append(httpPort())
                    .append("/v1/products\n");
        }
        b.append("  Stop:       Ctrl-C\n");
        return b.toString();
    }

    @Override
    public synchronized void close() {
        context.findBean(EmbeddedServer.class).filter(EmbeddedServer::isRunning).ifPresent(EmbeddedServer::stop);
        if (context.isRunning()) {
            context.close();
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
    }

    private static EmbeddedInfrastructure.TemporalChoice temporalChoice(
            Map<String, Object> props, Map<String, String> env) {
        int httpPort = intProp(props, env, "micronaut.server.port", "DSRFLOW_HTTP_PORT", 8080);
        Object mode =
                props.getOrDefault("dsrflow.embedded.temporal", env.getOrDefault("DSRFLOW_EMBEDDED_TEMPORAL", "auto"));
        return new EmbeddedInfrastructure.TemporalChoice(
                String.valueOf(mode),
                intProp(props, env, "dsrflow.embedded.temporal-port", "DSRFLOW_EMBEDDED_TEMPORAL_PORT", 7233),
                intProp(props, env, "dsrflow.embedded.temporal-ui-port", "DSRFLOW_EMBEDDED_TEMPORAL_UI_PORT", 8233),
                "http://localhost:" + httpPort + "/codec");
    }

    private static int intProp(
            Map<String, Object> props, Map<String, String> env, String key, String envKey, int fallback) {
        Object v = props.containsKey(key) ? props.get(key) : env.get(envKey);
        return v == null ? fallback : Integer.parseInt(v.toString());
    }
}
