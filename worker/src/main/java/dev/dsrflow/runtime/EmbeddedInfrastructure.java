package dev.dsrflow.runtime;

import dev.dsrflow.notification.DemoMailbox;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts the one-command default runs when no real one is configured: Temporal (the real
 * server, {@code temporal server start-dev}, as a child process when its binary is found, else
 * the Java test server in memory) and PostgreSQL with its data on disk.
 */
final class EmbeddedInfrastructure implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final StringBuilder summary = new StringBuilder();
    private Closeable temporal;
    private EmbeddedPostgres postgres;
    private EmbeddedMailServer mail;

    /** Starts what the environment does not configure. */
    static EmbeddedInfrastructure start(
            Path dataDir, Map<String, String> env, TemporalChoice temporal, int postgresPort, int smtpPort)
            throws IOException {
        EmbeddedInfrastructure infra = new EmbeddedInfrastructure();
        try {
            if (env.containsKey("TEMPORAL_ADDRESS")) {
                infra.summary
                        .append("  Temporal:   ")
                        .append(env.get("TEMPORAL_ADDRESS"))
                        .append(" (configured)\n");
            } else {
                infra.startTemporal(dataDir, env, temporal);
            }
            if (env.containsKey("DATASOURCES_DEFAULT_URL")) {
                infra.summary
                        .append("  PostgreSQL: ")
                        .append(env.get("DATASOURCES_DEFAULT_URL"))
                        .append(" (configured)\n");
            } else {
                Path pgData = dataDir.resolve("postgres");
                Files.createDirectories(pgData);
                infra.postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(pgData)
                        .setCleanDataDirectory(false)
                        .setPort(postgresPort)
                        .start();
                infra.properties.put("datasources.default.url", infra.postgres.getJdbcUrl("postgres", "postgres"));
                infra.properties.put("datasources.default.username", "postgres");
                infra.properties.put("datasources.default.password", "");
                infra.summary
                        .append("  PostgreSQL: localhost:")
                        .append(infra.postgres.getPort())
                        .append(" (embedded, data in ")
                        .append(pgData.toAbsolutePath())
                        .append(")\n");
            }
            if (env.containsKey("SMTP_HOST")) {
                infra.summary
                        .append("  Mail:       ")
                        .append(env.get("SMTP_HOST"))
                        .append(" (configured relay)\n");
            } else {
                infra.mail = new EmbeddedMailServer(smtpPort > 0 ? smtpPort : LocalPorts.next());
                infra.properties.put("dsrflow.mail.smtp.host", "127.0.0.1");
                infra.properties.put("dsrflow.mail.smtp.port", infra.mail.port());
                infra.properties.put("dsrflow.mail.smtp.start-tls", false);
                infra.summary
                        .append("  Mail:       SMTP on 127.0.0.1:")
                        .append(infra.mail.port())
                        .append(" (embedded GreenMail: notices are kept in memory; demo mailbox at"
                                + " /console/mailbox)\n");
            }
            return infra;
        } catch (IOException | RuntimeException e) {
            infra.close();
            throw e;
        }
    }

    /**
     * What the embedded Temporal is.
     *
     * @param mode {@code auto} (the real server when its binary is found, else the test server),
     *     {@code dev-server} or {@code test-server}
     * @param port the frontend's port
     * @param uiPort the real server's Web UI port (0: no UI, negative: a free port)
     * @param codecEndpoint dsrflow's codec endpoint, for the UI
     */
    record TemporalChoice(String mode, int port, int uiPort, String codecEndpoint) {}

    private void startTemporal(Path dataDir, Map<String, String> env, TemporalChoice choice) throws IOException {
        Optional<Path> binary =
                choice.mode().equals("test-server") ? Optional.empty() : TemporalDevServer.findBinary(env);
        if (binary.isEmpty() && choice.mode().equals("dev-server")) {
            TemporalDevServer.requireBinary();
        }
        if (binary.isPresent()) {
            Path dir = dataDir.resolve("temporal");
            Files.createDirectories(dir);
            killLeftOver(dir.resolve("server.pid"));
            int uiPort = choice.uiPort();
            if (uiPort > 0 && !LocalPorts.isFree(uiPort)) {
                LOG.warn("port {} is taken: the Temporal UI gets a free port instead", uiPort);
                uiPort = -1;
            }
            TemporalDevServer server = TemporalDevServer.start(new TemporalDevServer.Options(
                    binary.get(),
                    dir.resolve("temporal.db"),
                    choice.port(),
                    uiPort,
                    choice.codecEndpoint(),
                    dir.resolve("server.log")));
            temporal = server;
            Files.writeString(dir.resolve("server.pid"), String.valueOf(server.pid()));
            properties.put("dsrflow.temporal.address", server.address());
            // the server kept every workflow: nothing to re-drive from the ledger at start
            properties.put("dsrflow.redrive.all-on-startup", false);
            if (!env.containsKey("DSRFLOW_CODEC_UI_ORIGIN")) { // the UI's origin may call /codec
                server.uiUrl()
                        .ifPresent(ui -> properties.put(
                                "micronaut.server.cors.configurations.temporal-ui.allowed-origins", List.of(ui)));
            }
            summary.append("  Temporal:   ")
                    .append(server.address())
                    .append(" (temporal server start-dev, workflows kept in ")
                    .append(dir.resolve("temporal.db"))
                    .append(")\n");
            server.uiUrl()
                    .ifPresent(ui -> summary.append("  Temporal UI: ")
                            .append(ui)
                            .append(" (payloads decoded by ")
                            .append(choice.codecEndpoint())
                            .append(" for AUDITOR users)\n"));
        } else {
            temporal = LoopbackTemporalServer.start(choice.port());
            properties.put("dsrflow.temporal.address", "localhost:" + choice.port());
            summary.append("  Temporal:   localhost:")
                    .append(choice.port())
                    .append(" (embedded test server, in memory: the ledger re-drives requests after a restart;"
                            + " run bin/install-test-tools for the real server)\n");
        }
    }

    /** Stops a server that a killed dsrflow left running (its pid file names it). */
    private static void killLeftOver(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid)
                    .filter(p -> p.info().command().orElse("").endsWith("temporal"))
                    .ifPresent(p -> {
                        LOG.warn("stopping the Temporal server (pid {}) a previous run left behind", pid);
                        p.destroyForcibly();
                        p.onExit().join();
                    });
        } catch (NumberFormatException e) {
            // not ours
        }
        Files.delete(pidFile);
    }

    /** Properties that point dsrflow at what was started. */
    Map<String, Object> properties() {
        return properties;
    }

    /** The embedded SMTP server's mailbox, when one runs. */
    Optional<DemoMailbox> mailbox() {
        return Optional.ofNullable(mail);
    }

    /** Lines for the start-up banner. */
    String summary() {
        return summary.toString();
    }

    @Override
    public void close() {
        if (mail != null) {
            mail.close();
        }
        if (temporal != null) {
            try {
                temporal.close();
            } catch (IOException | RuntimeException e) {
                LOG.warn("embedded Temporal did not stop cleanly: {}", e.toString());
            }
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                LOG.warn("embedded PostgreSQL did not stop cleanly: {}", e.toString());
            }
        }
    }
}
