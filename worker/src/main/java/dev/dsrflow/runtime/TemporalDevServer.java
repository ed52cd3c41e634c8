package dev.dsrflow.runtime;

import dev.dsrflow.temporal.SearchAttributeNames;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The real Temporal server, {@code temporal server start-dev}, as a child process: the same
 * frontend, history, matching and visibility services as a cluster, persisted in one SQLite file,
 * bound to the loopback interface only (the frontend has no authentication). dsrflow's search
 * attributes are registered at every start (the CLI's {@code --search-attribute} only applies to
 * a new database file). The binary comes from {@code DSRFLOW_TEMPORAL_CLI}, then the project's
 * {@code .dsrflow/tools/temporal/bin/temporal} (installed by {@code bin/install-test-tools}),
 * searched upward from the working directory, then {@code PATH}. Its Web UI is served read-only
 * ({@link ReadOnlyUiGate}): the UI lists, reads and decodes, and never terminates, cancels or signals.
 */
public final class TemporalDevServer implements Closeable {
    /** Where {@code bin/install-test-tools} puts the pinned CLI, relative to the project root. */
    public static final Path PROJECT_CLI = Path.of(".dsrflow", "tools", "temporal", "bin", "temporal");

    private static final String NAMESPACE = "default";
    /**
     * Concurrent long polls the server accepts per namespace (its {@code frontend.namespaceCount},
     * 1,200 by default per frontend): a thousand product queues with one poller each, the
     * orchestrator's and the benchmark's pollers fit under it.
     */
    static final int MAX_POLLERS = 20_000;

    private static final Duration READY_WITHIN = Duration.ofSeconds(60);

    private final Options options;
    private final Process process;
    private ReadOnlyUiGate uiGate;

    /**
     * How to start the server.
     *
     * @param binary the {@code temporal} CLI
     * @param dbFile the SQLite file that keeps every workflow (created when missing)
     * @param port the frontend's gRPC port on 127.0.0.1
     * @param uiPort the Web UI's port, or 0 for no UI
     * @param codecEndpoint the codec endpoint the UI calls to decode payloads, or null
     * @param log where the server's own output goes
     */
    public record Options(Path binary, Path dbFile, int port, int uiPort, String codecEndpoint, Path log) {
        /** The same options with a free port where {@code port} or {@code uiPort} is negative. */
        Options withFreePorts() {
            return new Options(
                    binary,
                    dbFile,
                    port < 0 ? LocalPorts.next() : port,
                    uiPort < 0 ? LocalPorts.next() : uiPort,
                    codecEndpoint,
                    log);
        }
    }

    private TemporalDevServer(Options options, Process process) {
        this.options = options;
        this.process = process;
    }

    /** The binary, if one is found: {@code DSRFLOW_TEMPORAL_CLI}, the project's tools folder, {@code PATH}. */
    public static Optional<Path> findBinary(Map<String, String> env) {
        String configured = env.get("DSRFLOW_TEMPORAL_CLI");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(PROJECT_CLI);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "temporal"))) {
                return Optional.of(Path.of(dir, "temporal"));
            }
        }
        return Optional.empty();
    }

    /** The binary, or an exception that says how to install it (for what cannot run without it). */
    public static Path requireBinary() {
        return findBinary(System.getenv())
                .orElseThrow(
                        () -> new IllegalStateException("the Temporal CLI (the real Temporal server) is missing: run"
                                + " bin/install-test-tools, which installs it into " + PROJECT_CLI
                                + ", or set DSRFLOW_TEMPORAL_CLI to a temporal binary"));
    }

    /** Starts the server and returns once its frontend answers and dsrflow's search attributes exist. */
    public static TemporalDevServer start(Options requested) throws IOException {
        Options options = requested.withFreePorts();
        Files.createDirectories(options.dbFile().toAbsolutePath().getParent());
        Files.createDirectories(options.log().toAbsolutePath().getParent());
        int uiBehindGate = options.uiPort() == 0 ? 0 : LocalPorts.next();
        List<String> command = new ArrayList<>(List.of(
                options.binary().toString(),
                "server",
                "start-dev",
                "--db-filename",
                options.dbFile().toAbsolutePath().toString(),
                "--ip",
                "127.0.0.1",
                "--port",
                String.valueOf(options.port()),
                "--log-level",
                "error",
                // a write-ahead log synced at checkpoints: a commit survives the process being killed
                // (only a machine crash can lose the last ones), and costs no fsync per workflow task
                "--sqlite-pragma",
                "journal_mode=wal",
                "--sqlite-pragma",
                "synchronous=normal",
                // long polls per namespace: every product queue has its own worker and pollers, and the
                // default (1,200) refuses the pollers of a thousand products ("concurrent poller limit exceeded")
                "--dynamic-config-value",
                "frontend.namespaceCount=" + MAX_POLLERS,
                // one partition per task queue (a cluster's default is four): one server process gains
                // nothing from spreading a queue, and a thousand product queues with one poller each
                // would otherwise keep four thousand partitions polled and forwarded between
                "--dynamic-config-value",
                "matching.numTaskqueueReadPartitions=1",
                "--dynamic-config-value",
                "matching.numTaskqueueWritePartitions=1"));
        if (options.uiPort() == 0) {
            command.add("--headless");
        } else {
            // the UI itself on a loopback port of its own, behind the read-only gate on the public one
            command.addAll(List.of("--ui-port", String.valueOf(uiBehindGate), "--ui-disable-news-fetch"));
            if (options.codecEndpoint() != null) {
                command.addAll(List.of("--ui-codec-endpoint", options.codecEndpoint()));
            }
        }
        SearchAttributeNames.TYPES.forEach(
                (name, type) -> command.addAll(List.of("--search-attribute", name + "=" + type)));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(options.log().toFile()))
                .start();
        TemporalDevServer server = new TemporalDevServer(options, process);
        // a JVM that exits without closing it (Ctrl-C on the benchmark, a test run cut short) leaves no server behind
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "temporal-dev-server-stop"));
        try {
            server.awaitReadyAndRegister();
            if (uiBehindGate != 0) {
                server.uiGate = ReadOnlyUiGate.open(options.uiPort(), uiBehindGate);
            }
            return server;
        } catch (IOException | RuntimeException e) {
            server.kill();
            throw e;
        }
    }

    /** A server started again with the same options (and so the same ports and database file). */
    public TemporalDevServer restart() throws IOException {
        return start(options);
    }

    /** {@code host:port} of the frontend. */
    public String address() {
        return "127.0.0.1:" + options.port();
    }

    /** The Web UI's URL, if it runs. */
    public Optional<String> uiUrl() {
        return options.uiPort() == 0 ? Optional.empty() : Optional.of("http://localhost:" + options.uiPort());
    }

    public Options options() {
        return options;
    }

    /** The process id (a later start may kill a server a killed parent left behind). */
    public long pid() {
        return process.pid();
    }

    /** Kills the server at once (SIGKILL), as a crash would: nothing is flushed but what SQLite committed. */
    public void kill() {
        closeUiGate();
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(10));
    }

    /** Stops the server (SIGTERM, then SIGKILL after 10 s). */
    @Override
    public void close() {
        closeUiGate();
        process.destroy();
        if (!waitForExit(Duration.ofSeconds(10))) {
            kill();
        }
    }

    private void closeUiGate() {
        if (uiGate != null) {
            uiGate.close();
            uiGate = null;
        }
    }

    private boolean waitForExit(Duration within) {
        try {
            return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitReadyAndRegister() throws IOException {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        OperatorServiceStubs operator = OperatorServiceStubs.newServiceStubs(
                OperatorServiceStubsOptions.newBuilder().setTarget(address()).validateAndBuildWithDefaults());
        try {
            RuntimeException last = null;
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IOException("temporal server start-dev exited with " + process.exitValue() + " (is port "
                            + options.port() + " taken?): " + tail());
                }
                try {
                    registerMissingSearchAttributes(operator);
                    return;
                } catch (io.grpc.StatusRuntimeException notYet) {
                    last = notYet;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while the Temporal server started", e);
                }
            }
            throw new IOException(
                    "temporal server start-dev did not answer on " + address() + " within " + READY_WITHIN + ": "
                            + tail(),
                    last);
        } finally {
            operator.shutdownNow();
        }
    }

    private static void registerMissingSearchAttributes(OperatorServiceStubs operator) {
        Set<String> present = operator.blockingStub()
                .withDeadlineAfter(5, TimeUnit.SECONDS)
                .listSearchAttributes(ListSearchAttributesRequest.newBuilder()
                        .setNamespace(NAMESPACE)
                        .build())
                .getCustomAttributesMap()
                .keySet();
        AddSearchAttributesRequest.Builder missing =
                AddSearchAttributesRequest.newBuilder().setNamespace(NAMESPACE);
        SearchAttributeNames.TYPES.forEach((name, type) -> {
            if (!present.contains(name)) {
                missing.putSearchAttributes(name, indexedType(type));
            }
        });
        if (missing.getSearchAttributesCount() > 0) {
            operator.blockingStub().withDeadlineAfter(10, TimeUnit.SECONDS).addSearchAttributes(missing.build());
        }
    }

    static IndexedValueType indexedType(String type) {
        return type.equals("Datetime")
                ? IndexedValueType.INDEXED_VALUE_TYPE_DATETIME
                : IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD;
    }

    private String tail() {
        try (Stream<String> lines = Files.lines(options.log())) {
            List<String> all = lines.collect(Collectors.toList());
            return String.join("\n", all.subList(Math.max(0, all.size() - 5), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log)";
        }
    }
}
