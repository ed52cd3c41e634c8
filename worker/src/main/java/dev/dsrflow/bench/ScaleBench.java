package dev.dsrflow.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench --scale}: the company's size (issue 18) on the real Temporal server, every figure
 * against its target. A thousand products (an ACCESS and a DELETION over every one, the longest
 * history of every workflow they ran, CPU per product against N=64), a hundred thousand
 * deletions parked in a 30-day grace period (the heap after GC, a request filed on top of them
 * against the same on an empty server), throughput against the bare-Temporal baseline at N=8
 * and N=64, and the ledger at a million rows ({@link LedgerScaleBench}); with the machine's load
 * average sampled all along (on a shared machine absolute figures are noise, ratios less so).
 */
@Command(
        name = "java -jar worker/target/dsrflow.jar bench --scale",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "The company's size: a thousand products, a hundred thousand parked, throughput, the ledger.")
final class ScaleBench implements Callable<Integer> {
    /** No workflow's history may pass this many events. */
    static final int MAX_HISTORY_EVENTS = 5_000;
    /** CPU per product at many products at most this multiple of its value at the reference N. */
    static final double MAX_CPU_PER_PRODUCT_RATIO = 1.5;
    /** A request filed on top of the parked ones completes within this multiple of the empty server's time. */
    static final double MAX_ON_TOP_RATIO = 1.5;
    /**
     * How long the processes' idle CPU is measured once the products' workers have started: longer
     * than one long-poll cycle (about a minute), since the pollers of every product queue re-poll
     * together and a shorter window catches that burst or misses it.
     */
    long idleWindowMillis = 65_000;

    @Option(
            names = "--temporal",
            paramLabel = "test-server|dev-server",
            converter = BenchOptions.TemporalConverter.class,
            description = "dev-server: the real Temporal server (default); test-server: the Java test server")
    BenchOptions.TemporalKind temporal = BenchOptions.TemporalKind.DEV_SERVER;

    @Option(names = "--products", description = "registered no-op products one request names (default 1000; 0: skip)")
    int products = 1000;

    @Option(names = "--reference-products", description = "the N CPU per product is compared with (default 64)")
    int referenceProducts = 64;

    @Option(names = "--parked", description = "deletions parked in a 30-day grace period (default 100000; 0: skip)")
    int parked = 100_000;

    @Option(names = "--filing-clients", description = "concurrent clients filing the parked deletions (default 48)")
    int filingClients = 48;

    @Option(names = "--on-top", description = "ACCESS requests timed on the empty and on the parked server (default 5)")
    int onTop = 5;

    @Option(
            names = "--throughput",
            split = ",",
            paramLabel = "N",
            description = "N of the throughput runs against the baseline (default 8,64; 0: skip)")
    List<Integer> throughput = List.of(8, 64);

    @Option(names = "--throughput-requests", description = "requests per throughput run (default 200)")
    int throughputRequests = 200;

    @Option(names = "--concurrency", description = "clients of the throughput runs (default 32)")
    int concurrency = 32;

    @Option(
            names = "--ledger-requests",
            description = "requests seeded for the ledger figures (bench --scale-ledger; default 1000000; 0: skip)")
    int ledgerRequests = 1_000_000;

    @Option(
            names = "--set",
            paramLabel = "key=value",
            description = "a runtime property for every run, applied last (repeatable; for A/B runs of a setting,"
                    + " e.g. --set dsrflow.policy.product-batch-size=64)")
    Map<String, Object> set = new LinkedHashMap<>();

    @Option(names = "--verbose", negatable = false, description = "keep dsrflow's log at INFO")
    boolean verbose;

    /** What the thousand-products scenario measured, per type and N. */
    record ManyProducts(
            String type,
            int products,
            String status,
            Map<String, Integer> events,
            double cpuMillis,
            double wallSeconds,
            double idleCpuPerSecond) {
        int longestHistory() {
            return WorkflowHistories.longest(events);
        }

        /**
         * CPU of the request per product: what the processes spent while it ran, less what they
         * spend idle over as long (the pollers of every registered product queue, the server's
         * timers and the runtime's housekeeping cost that much whether a request runs or not).
         */
        double cpuPerProduct() {
            return Math.max(0, cpuMillis - idleCpuPerSecond * wallSeconds) / products;
        }
    }

    /** What the parked scenario measured. */
    record Parked(
            int filed,
            int waiting,
            double heapMb,
            double emptyMillis,
            double onTopMillis,
            int onTopCompleted,
            int parkedHistory) {}

    final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    final List<String> targets = new ArrayList<>();
    final List<ManyProducts> many = new ArrayList<>();
    Parked parkedResult;
    private double idlePerSecond;
    private final LoadSampler load = new LoadSampler();

    /** Entry point: {@code args} are the options after {@code bench --scale}. */
    static void main(String[] args) {
        int code;
        try {
            code = new CommandLine(new ScaleBench()).execute(args);
        } catch (RuntimeException | Error e) {
            e.printStackTrace();
            code = 1;
        }
        System.exit(code); // worker threads would keep the JVM alive
    }

    @Override
    public Integer call() throws Exception {
        if (!verbose) {
            ((LoggerContext) LoggerFactory.getILoggerFactory())
                    .getLogger("dev.dsrflow")
                    .setLevel(Level.WARN);
        }
        long t0 = System.nanoTime();
        load.start();
        say(String.format(
                Locale.ROOT,
                "scale bench: temporal=%s products=%d (reference %d) parked=%d throughput N=%s x%d ledger=%d%s;"
                        + " %d processors, max heap %d MB, load average %.1f",
                temporal,
                products,
                referenceProducts,
                parked,
                throughput,
                throughputRequests,
                ledgerRequests,
                set.isEmpty() ? "" : " set=" + set,
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / 1048576,
                LoadSampler.now()));
        try {
            if (products > 0) {
                manyProducts();
            }
            if (throughput.stream().anyMatch(n -> n > 0)) {
                throughput();
            }
            if (parked > 0) {
                parked();
            }
            if (ledgerRequests > 0) {
                ledger();
            }
        } finally {
            load.stop();
        }
        print((System.nanoTime() - t0) / 1e9);
        return 0;
    }

    /** An ACCESS and a DELETION over the reference N, then over every product, one at a time. */
    void manyProducts() throws Exception {
        int registered = Math.max(products, referenceProducts);
        say("many products: " + registered + " no-op products registered, one poller each");
        try (BenchRuntime runtime = BenchRuntime.start(registered, "0s", temporal, null, set, 1)) {
            HttpApi api = new HttpApi(runtime.httpPort(), "ops", "ops");
            CpuMeter cpu = runtime.cpuMeter();
            // warm the JIT and the pools on the small N first, unrecorded
            once(runtime, api, cpu, "ACCESS", BenchRuntime.benchProducts(Math.min(8, registered)));
            once(runtime, api, cpu, "DELETION", BenchRuntime.benchProducts(Math.min(8, registered)));
            double idle0 = cpu.millis();
            long idleStart = System.nanoTime();
            Thread.sleep(idleWindowMillis);
            idlePerSecond = (cpu.millis() - idle0) / ((System.nanoTime() - idleStart) / 1e9);
            say(String.format(Locale.ROOT, "idle CPU with %d product workers: %.0f ms/s", registered, idlePerSecond));
            for (int n : List.of(referenceProducts, products)) {
                for (String type : List.of("ACCESS", "DELETION")) {
                    ManyProducts m = once(runtime, api, cpu, type, BenchRuntime.benchProducts(n));
                    many.add(m);
                    lines.add(String.format(
                            Locale.ROOT,
                            "%-8s N=%-5d %-10s in %5.0f s, %3d workflows, longest history %5d events, all %6d;"
                                    + " CPU %7.0f ms (idle %4.0f ms/s), net %6.1f ms per product; histories %s",
                            type,
                            n,
                            m.status(),
                            m.wallSeconds(),
                            m.events().size(),
                            m.longestHistory(),
                            WorkflowHistories.total(m.events()),
                            m.cpuMillis(),
                            m.idleCpuPerSecond(),
                            m.cpuPerProduct(),
                            shortly(m.events())));
                    say(lines.get(lines.size() - 1));
                }
            }
        }
        for (String type : List.of("ACCESS", "DELETION")) {
            ManyProducts big = find(type, products);
            ManyProducts ref = find(type, referenceProducts);
            targets.add(target(
                    type + " over " + products + " products completes",
                    "COMPLETED".equals(big.status()) ? 1 : 0,
                    1,
                    true,
                    big.status()));
            targets.add(target(
                    type + " N=" + products + ": longest workflow history (events)",
                    big.longestHistory(),
                    MAX_HISTORY_EVENTS,
                    false,
                    big.events().size() + " workflows"));
            targets.add(target(
                    type + ": net CPU per product N=" + products + " / N=" + referenceProducts,
                    Samples.ratio(big.cpuPerProduct(), ref.cpuPerProduct()),
                    MAX_CPU_PER_PRODUCT_RATIO,
                    false,
                    String.format(Locale.ROOT, "%.1f vs %.1f ms", big.cpuPerProduct(), ref.cpuPerProduct())));
        }
    }

    private ManyProducts find(String type, int n) {
        return many.stream()
                .filter(m -> m.type().equals(type) && m.products() == n)
                .findFirst()
                .orElseThrow();
    }

    /** Files one request, follows it to its end, reads its view and every workflow's history. */
    private ManyProducts once(BenchRuntime runtime, HttpApi api, CpuMeter cpu, String type, List<String> products)
            throws Exception {
        double cpu0 = cpu.millis();
        long t0 = System.nanoTime();
        HttpApi.Answer filed = api.post("/v1/requests", DsrflowBench.body(type, products));
        if (filed.status() != 201) {
            throw new IllegalStateException("POST answered " + filed.status() + ": " + filed.body());
        }
        String id = filed.id();
        try {
            runtime.client()
                    .newUntypedWorkflowStub(dev.dsrflow.workflow.WorkflowIds.request(id))
                    .getResult(60, java.util.concurrent.TimeUnit.MINUTES, Void.class);
        } catch (java.util.concurrent.TimeoutException | RuntimeException e) {
            // the view says how it ended
        }
        double cpuMillis = cpu.millis() - cpu0;
        double wall = (System.nanoTime() - t0) / 1e9;
        HttpApi.Answer view = api.get("/v1/requests/" + id, true);
        Map<String, Integer> events =
                WorkflowHistories.of(runtime.client(), id, "DELETION".equals(type) ? view.subjectKey() : null);
        return new ManyProducts(type, products.size(), view.requestStatus(), events, cpuMillis, wall, idlePerSecond);
    }

    /** The workflows' histories in a line: the request's, the largest and smallest child's. */
    private static String shortly(Map<String, Integer> events) {
        List<Map.Entry<String, Integer>> all = new ArrayList<>(events.entrySet());
        StringBuilder b = new StringBuilder("request ").append(all.get(0).getValue());
        List<Integer> others = all.subList(1, all.size()).stream()
                .map(Map.Entry::getValue)
                .sorted()
                .toList();
        if (!others.isEmpty()) {
            b.append(", ")
                    .append(others.size())
                    .append(" other(s) ")
                    .append(others.get(0))
                    .append("..")
                    .append(others.get(others.size() - 1));
        }
        return b.toString();
    }

    /** ACCESS at each N against the bare baseline, one after the other on one server. */
    void throughput() throws Exception {
        int max = throughput.stream().mapToInt(Integer::intValue).max().orElse(1);
        say("throughput: ACCESS against the bare baseline at N=" + throughput + ", " + throughputRequests
                + " requests each, " + concurrency + " clients");
        List<String> notes = Collections.synchronizedList(new ArrayList<>());
        try (BenchRuntime runtime = BenchRuntime.start(max, "0s", temporal, null, set);
                BaselineBench baseline = new BaselineBench(runtime.temporalAddress(), max, runtime.cpuMeter())) {
            HttpApi api = new HttpApi(runtime.httpPort(), "ops", "ops");
            DsrflowBench dsrflow =
                    new DsrflowBench(api, runtime.client(), 250, true, 600_000, notes::add, runtime.cpuMeter());
            int warm = Math.min(100, throughputRequests);
            baseline.run("warmup", 8, 1, warm, concurrency, 0);
            dsrflow.run("warmup", "ACCESS", BenchRuntime.benchProducts(Math.min(8, max)), warm, concurrency, 0, null);
            lines.add(Report.header());
            for (int n : throughput) {
                RunResult base = baseline.run(BenchMain.BASELINE, n, 1, throughputRequests, concurrency, 3);
                RunResult access = dsrflow.run(
                        BenchMain.ACCESS,
                        "ACCESS",
                        BenchRuntime.benchProducts(n),
                        throughputRequests,
                        concurrency,
                        3,
                        null);
                lines.add(Report.line(base, null, ""));
                lines.add(Report.line(access, base, ""));
                say(Report.line(base, null, ""));
                say(Report.line(access, base, ""));
                targets.add(target(
                        "ACCESS N=" + n + " x" + throughputRequests + ": requests/s / baseline's",
                        Samples.ratio(access.perSecond(), base.perSecond()),
                        Report.MIN_THROUGHPUT_RATIO,
                        true,
                        String.format(
                                Locale.ROOT,
                                "%.1f vs %.1f req/s; CPU/req %.0f vs %.0f ms",
                                access.perSecond(),
                                base.perSecond(),
                                access.cpuMsPerRequest(),
                                base.cpuMsPerRequest())));
            }
        }
        notes.forEach(n -> lines.add("note: " + n));
    }

    /** Deletions parked in a 30-day grace period; the heap after GC and an ACCESS on top, against the empty server. */
    void parked() throws Exception {
        say("parked: " + parked + " deletions into a 30-day grace period, " + filingClients + " filing clients");
        try (BenchRuntime runtime = BenchRuntime.start(1, "30d", temporal, null, set)) {
            HttpApi api = new HttpApi(runtime.httpPort(), "ops", "ops");
            List<String> one = BenchRuntime.benchProducts(1);
            DsrflowBench dsrflow =
                    new DsrflowBench(api, runtime.client(), 250, true, 600_000, lines::add, runtime.cpuMeter());
            dsrflow.run("warmup", "ACCESS", one, 50, 8, 0, null);
            double empty =
                    dsrflow.run("on top", "ACCESS", one, onTop, 1, 0, null).doneP50();
            ProcessMemory before = ProcessMemory.afterGc();
            Samples post = new Samples();
            AtomicInteger progress = new AtomicInteger();
            java.util.concurrent.atomic.AtomicReference<String> last =
                    new java.util.concurrent.atomic.AtomicReference<>();
            ClosedLoop.Outcome filed = ClosedLoop.run(parked, filingClients, i -> {
                HttpApi.Answer a = api.post("/v1/requests", DsrflowBench.body("DELETION", one));
                post.add(a.nanos());
                if (a.status() != 201) {
                    throw new IllegalStateException("POST answered " + a.status() + ": " + a.body());
                }
                last.set(a.id());
                int done = progress.incrementAndGet();
                if (done % Math.max(1, parked / 10) == 0) {
                    say(String.format(Locale.ROOT, "  filed %,d (load average %.1f)", done, LoadSampler.now()));
                }
                return true;
            });
            long t1 = System.nanoTime();
            DataSource db = runtime.bean(DataSource.class);
            int waiting = 0;
            long deadline = System.nanoTime() + 3_600_000_000_000L;
            while (System.nanoTime() < deadline && (waiting = count(db, GRACE)) < filed.completed()) {
                Thread.sleep(1000);
            }
            // a deletion records GRACE_PERIOD before its products' restrict has come back: the server is
            // done with the filing once the ledger's events stop growing
            for (long events = -1, now; System.nanoTime() < deadline && (now = count(db, EVENTS)) != events; ) {
                events = now;
                Thread.sleep(5000);
            }
            double settle = (System.nanoTime() - t1) / 1e9;
            ProcessMemory after = ProcessMemory.afterGc();
            RunResult onTopRun = dsrflow.run("on top", "ACCESS", one, onTop, 1, 0, null);
            double onTopMillis = onTopRun.doneP50();
            int parkedHistory = last.get() == null
                    ? 0
                    : WorkflowHistories.longest(WorkflowHistories.of(runtime.client(), last.get(), null));
            double temporalRss = runtime.temporalProcess()
                    .map(p -> ProcessMemory.rssMb(Long.toString(p.pid())))
                    .orElse(Double.NaN);
            parkedResult = new Parked(
                    filed.completed(),
                    waiting,
                    after.heapMb(),
                    empty,
                    onTopMillis,
                    onTopRun.completed(),
                    parkedHistory);
            lines.add(String.format(
                    Locale.ROOT,
                    "parked: %,d deletions filed in %.0f s (%.1f/s, POST p50/p99 %s ms, %d failed%s), %,d in"
                            + " GRACE_PERIOD"
                            + " %.0f s later; heap after GC %.0f MB before, %.0f MB parked; RSS %.0f -> %.0f MB;"
                            + " Temporal RSS %.0f MB; a parked deletion's history %d events; ACCESS filed on top:"
                            + " to-done p50 %.0f ms on the empty server, %.0f ms on the parked one",
                    filed.completed(),
                    filed.wallSeconds(),
                    filed.completed() / filed.wallSeconds(),
                    Report.pair(post.percentileMillis(50), post.percentileMillis(99)),
                    filed.failed(),
                    filed.firstError() == null ? "" : ", first error: " + filed.firstError(),
                    waiting,
                    settle,
                    before.heapMb(),
                    after.heapMb(),
                    before.rssMb(),
                    after.rssMb(),
                    temporalRss,
                    parkedHistory,
                    empty,
                    onTopMillis));
            say(lines.get(lines.size() - 1));
        }
        targets.add(target(
                parkedResult.waiting() + " parked deletions: orchestrator heap after GC (MB)",
                parkedResult.heapMb(),
                Report.MAX_PARKED_HEAP_MB,
                false,
                "all of API, orchestrator and product workers; Temporal apart"));
        targets.add(target(
                "ACCESS filed on top of them: to-done / on the empty server",
                Samples.ratio(parkedResult.onTopMillis(), parkedResult.emptyMillis()),
                MAX_ON_TOP_RATIO,
                false,
                String.format(
                        Locale.ROOT,
                        "%.0f vs %.0f ms (p50 of %d)",
                        parkedResult.onTopMillis(),
                        parkedResult.emptyMillis(),
                        onTop)));
    }

    private static final String GRACE = "select count(*) from ledger.requests where status = 'GRACE_PERIOD'";
    private static final String EVENTS = "select count(*) from ledger.request_events";

    private static int count(DataSource db, String query) throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The ledger at {@link #ledgerRequests} rows, as {@code bench --scale-ledger} measures it. */
    void ledger() {
        say("ledger: " + ledgerRequests + " requests (bench --scale-ledger)");
        LedgerScaleBench ledger = new LedgerScaleBench();
        List<String> args = new ArrayList<>(List.of("--requests", Integer.toString(ledgerRequests), "--explain"));
        if (verbose) {
            args.add("--verbose");
        }
        int code = new CommandLine(ledger).execute(args.toArray(String[]::new));
        if (code != 0) {
            targets.add(target("ledger figures", 0, 1, true, "bench --scale-ledger exited with " + code));
        }
        targets.addAll(ledger.targets());
    }

    private void print(double seconds) {
        StringBuilder out = new StringBuilder("\n");
        out.append("dsrflow at the company's size (temporal=")
                .append(temporal)
                .append("; the machine is shared: absolute times are noisy, ratios within one run less so)\n");
        lines.forEach(l -> out.append(l).append('\n'));
        out.append(String.format(
                Locale.ROOT,
                "\nload average during the run (1-minute, sampled every 10 s): min %.1f, mean %.1f, max %.1f on %d"
                        + " processors\n",
                load.min(),
                load.mean(),
                load.max(),
                Runtime.getRuntime().availableProcessors()));
        out.append("\ntargets\n");
        targets.forEach(t -> out.append(t).append('\n'));
        out.append(String.format(Locale.ROOT, "\nscale bench took %.0f s\n", seconds));
        System.out.print(out);
    }

    /** One verdict line: PASS or MISS, the figure, its target and what it was measured on. */
    static String target(String name, double value, double limit, boolean atLeast, String detail) {
        return Report.target(name, value, limit, atLeast) + (detail == null ? "" : "  (" + detail + ")");
    }

    private static void say(String line) {
        System.out.println(java.time.LocalTime.now().withNano(0) + " " + line);
    }

    /** The 1-minute load average, sampled every ten seconds while the benchmark runs. */
    static final class LoadSampler {
        private final List<Double> samples = Collections.synchronizedList(new ArrayList<>());
        private Thread thread;

        static double now() {
            return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        }

        void start() {
            samples.add(now());
            thread = new Thread(
                    () -> {
                        try {
                            while (true) {
                                Thread.sleep(10_000);
                                samples.add(now());
                            }
                        } catch (InterruptedException stop) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "load-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            samples.add(now());
            thread.interrupt();
        }

        double min() {
            synchronized (samples) {
                return samples.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
            }
        }

        double max() {
            synchronized (samples) {
                return samples.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            }
        }

        double mean() {
            synchronized (samples) {
                return samples.stream()
                        .mapToDouble(Double::doubleValue)
                        .average()
                        .orElse(Double.NaN);
            }
        }
    }
}
