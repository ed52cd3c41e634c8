package dev.dsrflow.certificate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of the dsrflow build that runs, as Maven wrote it into
 * {@code orchestrator-version.properties} at build time: certificates name it, so no one keeps a
 * version constant by hand.
 */
public final class OrchestratorVersion {
    private static final String CURRENT = load();

    private OrchestratorVersion() {}

    /** E.g. {@code dsrflow 0.1.0}. */
    public static String current() {
        return CURRENT;
    }

    private static String load() {
        try (InputStream in = OrchestratorVersion.class.getResourceAsStream("orchestrator-version.properties")) {
            if (in == null) {
                throw new IllegalStateException("orchestrator-version.properties is missing: build with Maven");
            }
            Properties p = new Properties();
            p.load(in);
            return "dsrflow " + p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
