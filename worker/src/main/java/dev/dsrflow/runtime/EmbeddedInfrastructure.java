package dev.dsrflow.runtime;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts the one-command default runs in-process when no real one is configured: the
 * Temporal Java test server (real time, in memory) and PostgreSQL with its data on disk.
 */
final class EmbeddedInfrastructure implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final StringBuilder summary = new StringBuilder();
    private Closeable temporal;
    private EmbeddedPostgres postgres;

    /** Starts what the environment does not configure. */
    static EmbeddedInfrastructure start(Path dataDir, Map<String, String> env, int temporalPort, int postgresPort)
            throws IOException {
        EmbeddedInfrastructure infra = new EmbeddedInfrastructure();
        try {
            if (env.containsKey("TEMPORAL_ADDRESS")) {
                infra.summary
                        .append("  Temporal:   ")
                        .append(env.get("TEMPORAL_ADDRESS"))
                        .append(" (configured)\n");
            } else {
                infra.temporal = LoopbackTemporalServer.start(temporalPort);
                infra.properties.put("dsrflow.temporal.address", "localhost:" + temporalPort);
                infra.summary
                        .append("  Temporal:   localhost:")
                        .append(temporalPort)
                        .append(" (embedded test server, in memory: the ledger re-drives requests after a restart)\n");
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
            return infra;
        } catch (IOException | RuntimeException e) {
            infra.close();
            throw e;
        }
    }

    /** Properties that point dsrflow at what was started. */
    Map<String, Object> properties() {
        return properties;
    }

    /** Lines for the start-up banner. */
    String summary() {
        return summary.toString();
    }

    @Override
    public void close() {
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
