package dev.dsrflow.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsrflow.ledger.LedgerSchema;
import dev.dsrflow.ledger.LedgerStore;
import dev.dsrflow.ledger.ListPlans;
import dev.dsrflow.runtime.Dsrflow;
import dev.dsrflow.runtime.LocalPorts;
import dev.dsrflow.runtime.ProcessRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench --scale-ledger}: a million requests in the ledger (seeded with SQL into the
 * embedded PostgreSQL of a scratch runtime), then {@code GET /v1/requests} under concurrent
 * clients for each filter, the CSV export of every row with the live heap sampled while it
 * streams, and the overview numbers; every figure is printed against its target.
 */
@Command(
        name = "java -jar worker/target/dsrflow.jar bench --scale-ledger",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Seeds the ledger of a scratch runtime and measures list, filter, export and overview.")
final class LedgerScaleBench implements Callable<Integer> {
    static final double LIST_P99_TARGET_MS = 200;
    static final double OVERVIEW_TARGET_MS = 100;
    static final double CSV_LIVE_HEAP_TARGET_MB = 128;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXACT_MEDIAN = "median days to complete";

    @Option(names = "--requests", description = "requests seeded into the ledger (default 1000000)")
    int requests = 1_000_000;

    @Option(names = "--products", description = "registered products the seeded requests name (default 40)")
    int products = 40;

    @Option(names = "--clients", description = "concurrent API clients (default 20)")
    int clients = 20;

    @Option(names = "--calls", description = "calls per client and filter (default 25)")
    int calls = 25;

    @Option(names = "--no-csv", negatable = false, description = "skip the CSV export")
    boolean noCsv;

    @Option(
            names = "--explain",
            negatable = false,
            description = "print EXPLAIN (ANALYZE) of the overview queries and of each list")
    boolean explain;

    @Option(names = "--verbose", negatable = false, description = "keep dsrflow's log at INFO")
    boolean verbose;

    private final List<String> targets = new ArrayList<>();

    /** Entry point: {@code args} are the options after {@code bench --scale-ledger}. */
    static void main(String[] args) {
        LedgerScaleBench bench = new LedgerScaleBench();
        int code;
        try {
            code = new CommandLine(bench).execute(args);
        } catch (RuntimeException | Error e) {
            e.printStackTrace();
            code = 1;
        }
        System.exit(code); // the runtime's threads would keep the JVM alive
    }

    @Override
    public Integer call() throws Exception {
        if (!verbose) {
            ((LoggerContext) LoggerFactory.getILoggerFactory())
                    .getLogger("dev.dsrflow")
                    .setLevel(Level.WARN);
        }
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        say(String.format(
                Locale.ROOT,
                "ledger scale bench: %,d requests, %d products, %d clients x %d calls per filter;"
                        + " %d processors, load average %.1f, max heap %d MB",
                requests,
                products,
                clients,
                calls,
                os.getAvailableProcessors(),
                os.getSystemLoadAverage(),
                Runtime.getRuntime().maxMemory() / 1048576));
        Path dataDir = Files.createTempDirectory("dsrflow-scale-");
        try (Dsrflow dsrflow = Dsrflow.start(ProcessRole.ALL, Map.of(), properties(dataDir))) {
            dsrflow.context().getBean(LedgerStore.class); // its migration has run
            DataSource db = dsrflow.context().getBean(DataSource.class);
            seed(db);
            Client api = new Client(dsrflow.httpPort());
            lists(api);
            if (!noCsv) {
                csv(api);
            }
            overview(db);
            if (explain) {
                explainLists(dsrflow.context().getBean(ListPlans.class));
            }
        } finally {
            delete(dataDir);
        }
        say("");
        say("targets:");
        targets.forEach(LedgerScaleBench::say);
        say(String.format(
                Locale.ROOT,
                "load average at the end: %.1f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        return 0;
    }

    private Map<String, Object> properties(Path dataDir) throws IOException {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("dsrflow.data-dir", dataDir.toString());
        props.put("dsrflow.embedded.temporal-port", LocalPorts.next());
        props.put("micronaut.server.port", LocalPorts.next());
        // the seeded rows have no workflows and no real sealed specs: nothing may re-drive them
        props.put("dsrflow.redrive.all-on-startup", false);
        props.put("dsrflow.redrive.interval", "3650d");
        for (int i = 1; i <= products; i++) {
            NoopProductHandler.declare(props, "bench-" + i);
        }
        return props;
    }

    /** Seeds the ledger in one transaction, then vacuums and analyzes it as autovacuum would. */
    private void seed(DataSource db) throws IOException, SQLException {
        String script;
        try (InputStream in = LedgerScaleBench.class.getResourceAsStream("ledger-seed.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace(":n", Integer.toString(requests))
                    .replace(":products", Integer.toString(products));
        }
        long t0 = System.nanoTime();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute(script);
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                for (String table : List.of("requests", "request_subject_keys", "product_tasks", "request_events")) {
                    s.execute("vacuum analyze ledger." + table);
                }
            }
            say(String.format(
                    Locale.ROOT,
                    "seeded %,d requests (%,d product tasks, %,d events) in %.0f s",
                    count(c, "requests"),
                    count(c, "product_tasks"),
                    count(c, "request_events"),
                    (System.nanoTime() - t0) / 1e9));
        }
    }

    /** The lists the bench times, label and query string. */
    private static Map<String, String> listCases() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("no filter (total of all)", "");
        filters.put("status=IN_PROGRESS", "status=IN_PROGRESS");
        filters.put("status=COMPLETED", "status=COMPLETED");
        filters.put("type=DELETION", "type=DELETION");
        filters.put("product=bench-7", "product=bench-7");
        filters.put("overdue=true", "overdue=true");
        filters.put("dueBefore=now+7d", "dueBefore=" + now.plus(7, ChronoUnit.DAYS));
        filters.put("dueBefore=now-365d", "dueBefore=" + now.minus(365, ChronoUnit.DAYS));
        filters.put(
                "status=AWAITING_APPROVAL,type=DELETION,GDPR",
                "status=AWAITING_APPROVAL&type=DELETION&jurisdiction=GDPR");
        filters.put("product=bench-7&status=FAILED", "product=bench-7&status=FAILED");
        return filters;
    }

    private void lists(Client api) throws Exception {
        say("");
        // a running server has compiled its list path and read its indexes: so does this one before any
        // figure is taken, or the first filter timed would pay for everyone's warm-up
        for (String query : listCases().values()) {
            for (int i = 0; i < 20; i++) {
                api.get("/v1/requests" + (query.isEmpty() ? "" : "?" + query), "application/json");
            }
        }
        Timing health = concurrently(api, "/health");
        say(String.format(
                Locale.ROOT,
                "GET /v1/requests, %d clients, size 50 (ms)     p50      p99       total  errors"
                        + "   p99 / health p99",
                clients));
        say(String.format(
                Locale.ROOT,
                "  %-40s %8.1f %8.1f %11s %7d   (reference: no ledger read)",
                "GET /health",
                health.p50,
                health.p99,
                "-",
                health.errors));
        for (Map.Entry<String, String> f : listCases().entrySet()) {
            String path = "/v1/requests" + (f.getValue().isEmpty() ? "" : "?" + f.getValue());
            Timing t = concurrently(api, path);
            say(String.format(
                    Locale.ROOT,
                    "  %-40s %8.1f %8.1f %11s %7d   %8.1f",
                    f.getKey(),
                    t.p50,
                    t.p99,
                    t.total,
                    t.errors,
                    Samples.ratio(t.p99, health.p99)));
            target("list " + f.getKey() + " p99 (HTTP)", t.p99, LIST_P99_TARGET_MS, "ms", t.errors == 0);
        }
    }

    private Timing concurrently(Client api, String path) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            api.get(path, "application/json"); // warm the plan and the pages
            Samples samples = new Samples();
            AtomicInteger errors = new AtomicInteger();
            String[] total = {"?"};
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                done.add(pool.submit(() -> {
                    for (int k = 0; k < calls; k++) {
                        long t0 = System.nanoTime();
                        HttpResponse<String> r = api.get(path, "application/json");
                        samples.add(System.nanoTime() - t0);
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                        } else {
                            JsonNode count = JSON.readTree(r.body()).path("total");
                            if (count.isNumber()) {
                                total[0] = count.asText();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return new Timing(samples.percentileMillis(50), samples.percentileMillis(99), total[0], errors.get());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Streams the whole export, sampling the live heap (after a GC) once a second while it runs. */
    private void csv(Client api) throws Exception {
        double before = ProcessMemory.afterGc().heapMb();
        double rssBefore = ProcessMemory.readRssMb();
        double[] peak = {before, rssBefore};
        AtomicBoolean streaming = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (streaming.get()) {
                ProcessMemory m = ProcessMemory.afterGc();
                synchronized (peak) {
                    peak[0] = Math.max(peak[0], m.heapMb());
                    peak[1] = Math.max(peak[1], m.rssMb());
                }
                sleep(1000);
            }
        });
        long t0 = System.nanoTime();
        long firstByte = -1;
        long bytes = 0;
        long lines = 0;
        int status;
        sampler.start();
        try {
            HttpResponse<InputStream> r = api.stream("/v1/requests", "text/csv");
            status = r.statusCode();
            byte[] buffer = new byte[65536];
            try (InputStream in = r.body()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    if (firstByte < 0) {
                        firstByte = System.nanoTime() - t0;
                    }
                    bytes += n;
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                }
            }
        } finally {
            streaming.set(false);
            sampler.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double liveGrowth = peak[0] - before;
        say("");
        say(String.format(
                Locale.ROOT,
                "CSV export of every row: HTTP %d, %,d rows, %.0f MB in %.1f s (%.0f rows/s), first byte after %.0f ms;"
                        + " live heap %.0f MB before, peak %.0f MB while streaming (+%.0f MB); RSS %.0f -> peak"
                        + " %.0f MB",
                status,
                Math.max(0, lines - 1),
                bytes / 1048576.0,
                seconds,
                (lines - 1) / seconds,
                firstByte / 1e6,
                before,
                peak[0],
                liveGrowth,
                rssBefore,
                peak[1]));
        target(
                "CSV export: live heap growth while streaming " + (lines - 1) + " rows",
                liveGrowth,
                CSV_LIVE_HEAP_TARGET_MB,
                "MB",
                status == 200 && lines - 1 == requests);
    }

    private void overview(DataSource db) throws SQLException {
        String open = "status not in " + LedgerSchema.FINAL_STATUSES;
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put(
                "open by status",
                "select status, count(*) from ledger.requests where " + open + " group by status order by status");
        queries.put(
                "due this week",
                "select count(*) from ledger.requests where " + open
                        + " and due_at >= now() and due_at < now() + interval '7 days'");
        queries.put("overdue", "select count(*) from ledger.requests where " + open + " and due_at < now()");
        queries.put(
                "completed last 30 days",
                "select count(*) from ledger.requests where status = 'COMPLETED'"
                        + " and completed_at >= now() - interval '30 days'");
        // nothing reads this one: the console takes the median of the last 200 completions (one page of
        // status=COMPLETED) and Grafana reads dsrflow_request_completion_seconds; it is the exact figure
        queries.put(
                EXACT_MEDIAN + " (exact, sorts the range; reference only)",
                "select percentile_cont(0.5) within group (order by extract(epoch from completed_at - received_at)"
                        + " / 86400) from ledger.requests where status = 'COMPLETED'"
                        + " and completed_at >= now() - interval '30 days'");
        say("");
        say("overview numbers (median of 5 runs, ms)              ms  answer");
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            for (Map.Entry<String, String> q : queries.entrySet()) {
                double[] ms = new double[5];
                String answer = "";
                for (int i = 0; i < ms.length; i++) {
                    long t0 = System.nanoTime();
                    StringBuilder out = new StringBuilder();
                    try (ResultSet rs = s.executeQuery(q.getValue())) {
                        while (rs.next()) {
                            for (int col = 1; col <= rs.getMetaData().getColumnCount(); col++) {
                                out.append(col > 1 ? "=" : out.isEmpty() ? "" : " ")
                                        .append(rs.getString(col));
                            }
                        }
                    }
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                    answer = out.toString();
                }
                double median = Samples.median(ms);
                say(String.format(Locale.ROOT, "  %-46s %8.1f  %s", q.getKey(), median, answer));
                if (!q.getKey().startsWith(EXACT_MEDIAN)) { // a reference figure, not one the console reads
                    target("overview: " + q.getKey(), median, OVERVIEW_TARGET_MS, "ms", true);
                }
                if (explain) {
                    try (ResultSet rs = s.executeQuery("explain (analyze, buffers) " + q.getValue())) {
                        while (rs.next()) {
                            say("      " + rs.getString(1));
                        }
                    }
                }
            }
        }
    }

    /** EXPLAIN ANALYZE of the count and the first page each timed list runs, as the API runs them. */
    private void explainLists(ListPlans plans) {
        say("");
        say("what each list runs (EXPLAIN ANALYZE of the count and the first page, newest first)");
        for (Map.Entry<String, String> f : listCases().entrySet()) {
            say("  " + f.getKey());
            plans.explain(f.getValue()).forEach(line -> say("      " + line));
        }
    }

    private void target(String what, double value, double limit, String unit, boolean valid) {
        // FAIL: the figure is not a measurement (errors, missing rows); MISS: measured, over the target
        String verdict = !valid || Double.isNaN(value) ? "FAIL" : value <= limit ? "PASS" : "MISS";
        targets.add(String.format(
                Locale.ROOT, "  %-4s %-64s %8.1f %s (target <= %.0f)", verdict, what, value, unit, limit));
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from ledger." + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The verdict lines of the last run. */
    List<String> targets() {
        return List.copyOf(targets);
    }

    private record Timing(double p50, double p99, String total, int errors) {}

    /** The API as an auditor-like reader (ops) sees it. */
    private static final class Client {
        private final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        private final String base;
        private final String authorization =
                "Basic " + Base64.getEncoder().encodeToString("ops:ops".getBytes(StandardCharsets.UTF_8));

        Client(int port) {
            this.base = "http://localhost:" + port;
        }

        HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
            return http.send(request(path, accept), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<InputStream> stream(String path, String accept) throws IOException, InterruptedException {
            return http.send(request(path, accept), HttpResponse.BodyHandlers.ofInputStream());
        }

        private HttpRequest request(String path, String accept) {
            return HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", authorization)
                    .header("Accept", accept)
                    .timeout(Duration.ofMinutes(30))
                    .GET()
                    .build();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
