package dev.dsrflow.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.LoggerFactory;

/**
 * {@code dsrflow.jar bench}: bare Temporal against dsrflow on the embedded runtime, in one run,
 * printed side by side with the ratios and a PASS/MISS block of the targets.
 */
public final class BenchMain {
    static final String BASELINE = "baseline (1 step)";
    static final String BASELINE_3 = "baseline (3 steps)";
    static final String ACCESS = "dsrflow ACCESS";
    static final String DELETION = "dsrflow DELETION";
    static final String DEMO = "demo ACCESS";

    private final BenchOptions options;
    private final Map<String, List<RunResult>> cells = new LinkedHashMap<>();
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());
    private final List<String> extra = new ArrayList<>();
    private final List<String> targets = new ArrayList<>();

    private BenchMain(BenchOptions options) {
        this.options = options;
    }

    /** Entry point: {@code args} are the options after {@code bench}. */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--scale-ledger")) {
            LedgerScaleBench.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("--scale")) {
            ScaleBench.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (picocli.CommandLine.ParameterException e) {
            System.err.println(e.getMessage() + "\n" + BenchOptions.usage());
            System.exit(2);
            return;
        }
        if (options.helpRequested) {
            System.out.println(BenchOptions.usage());
            System.exit(0);
            return;
        }
        if (!options.verbose) {
            ((LoggerContext) LoggerFactory.getILoggerFactory())
                    .getLogger("dev.dsrflow")
                    .setLevel(Level.WARN);
        }
        try {
            new BenchMain(options).run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1); // worker threads would keep the JVM alive
        }
        System.exit(0);
    }

    private void run() throws Exception {
        long t0 = System.nanoTime();
        say("dsrflow benchmark: " + options);
        say(String.format(
                Locale.ROOT,
                "JVM: %s, %d processors, max heap %d MB",
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / 1048576));
        if (!options.loads.isEmpty()) {
            measureLoads();
        }
        if (options.park > 0) {
            parkedScenario();
        }
        print((System.nanoTime() - t0) / 1e9);
    }

    private void measureLoads() throws Exception {
        try (BenchRuntime runtime =
                        BenchRuntime.start(options.maxProducts(), "0s", options.temporal, null, options.settings);
                BaselineBench baseline =
                        new BaselineBench(runtime.temporalAddress(), options.maxProducts(), runtime.cpuMeter())) {
            HttpApi api = new HttpApi(runtime.httpPort(), "ops", "ops");
            DsrflowBench dsrflow = new DsrflowBench(
                    api,
                    runtime.client(),
                    options.pollMillis,
                    options.waitForResult,
                    300_000,
                    notes::add,
                    runtime.cpuMeter());
            List<String> completed = Collections.synchronizedList(new ArrayList<>());
            warmUp(baseline, dsrflow);
            for (int load : options.loads) {
                for (int rep = 1; rep <= options.repeat; rep++) {
                    for (int n : options.products) {
                        List<String> products = BenchRuntime.benchProducts(n);
                        // alternate which side runs first, so that drift within the run (JIT, heap) favours neither
                        if (rep % 2 == 1) {
                            cell(baseline.run(BASELINE, n, 1, load, options.concurrency, options.eventSample));
                        }
                        cell(dsrflow.run(
                                ACCESS, "ACCESS", products, load, options.concurrency, options.eventSample, completed));
                        if (rep % 2 == 0) {
                            cell(baseline.run(BASELINE, n, 1, load, options.concurrency, options.eventSample));
                        }
                        if (options.deletion && options.deletionProducts.contains(n)) {
                            cell(dsrflow.run(
                                    DELETION,
                                    "DELETION",
                                    products,
                                    load,
                                    options.concurrency,
                                    options.eventSample,
                                    completed));
                            cell(baseline.run(BASELINE_3, n, 3, load, options.concurrency, options.eventSample));
                        }
                    }
                    if (options.demo) {
                        cell(dsrflow.run(
                                DEMO,
                                "ACCESS",
                                runtime.demoProducts(),
                                load,
                                options.concurrency,
                                options.eventSample,
                                null));
                    }
                }
            }
            if (options.getSeconds > 0 && !completed.isEmpty()) {
                getScenario(api, completed);
            }
        }
    }

    private void warmUp(BaselineBench baseline, DsrflowBench dsrflow) throws InterruptedException {
        if (options.warmup <= 0) {
            return;
        }
        int n = Math.min(8, options.maxProducts());
        say("warming up (" + options.warmup + " requests of each kind, N=" + n + ", not recorded)");
        baseline.run("warmup", n, 1, options.warmup, options.concurrency, 0);
        dsrflow.run("warmup", "ACCESS", BenchRuntime.benchProducts(n), options.warmup, options.concurrency, 0, null);
        if (options.deletion) {
            dsrflow.run(
                    "warmup", "DELETION", BenchRuntime.benchProducts(n), options.warmup, options.concurrency, 0, null);
        }
    }

    private void cell(RunResult r) {
        say(Report.line(r, null, ""));
        cells.computeIfAbsent(key(r.scenario(), r.products(), r.requests()), k -> new ArrayList<>())
                .add(r);
    }

    private static String key(String scenario, int n, int load) {
        return scenario + "|" + n + "|" + load;
    }

    private RunResult median(String scenario, int n, int load) {
        List<RunResult> runs = cells.get(key(scenario, n, load));
        return runs == null ? null : RunResult.median(runs);
    }

    /** GET /v1/requests/{id} and GET /health mixed at random by the same clients, so both see the same load. */
    private void getScenario(HttpApi api, List<String> ids) throws InterruptedException {
        say("GET scenario: " + options.getClients + " clients for " + options.getSeconds + " s");
        Samples view = new Samples();
        Samples health = new Samples();
        long end = System.nanoTime() + options.getSeconds * 1_000_000_000L;
        List<String> pool = List.copyOf(ids);
        ClosedLoop.Outcome o = ClosedLoop.run(Integer.MAX_VALUE, options.getClients, i -> {
            if (System.nanoTime() > end) {
                throw new InterruptedException("time is up");
            }
            ThreadLocalRandom random = ThreadLocalRandom.current();
            if (random.nextBoolean()) {
                HttpApi.Answer a = api.get("/v1/requests/" + pool.get(random.nextInt(pool.size())), true);
                view.add(a.nanos());
                return a.status() == 200;
            }
            HttpApi.Answer a = api.get("/health", false);
            health.add(a.nanos());
            return a.status() == 200;
        });
        double ratio = Samples.ratio(view.percentileMillis(99), health.percentileMillis(99));
        extra.add(String.format(
                Locale.ROOT,
                "GET under %d clients for %.0f s (%.0f calls/s, %d failed): /v1/requests/{id} p50/p99 %s ms (%d"
                        + " calls), /health p50/p99 %s ms (%d calls), p99 ratio %s",
                options.getClients,
                o.wallSeconds(),
                (view.size() + health.size()) / o.wallSeconds(),
                o.failed(),
                Report.pair(view.percentileMillis(50), view.percentileMillis(99)),
                view.size(),
                Report.pair(health.percentileMillis(50), health.percentileMillis(99)),
                health.size(),
                Report.num(ratio, 2)));
        targets.add(Report.target(
                "GET /v1/requests/{id} p99 / GET /health p99 (" + options.getClients + " clients)",
                ratio,
                Report.MAX_GET_RATIO,
                false));
    }

    /** Deletions filed over the API with a 30-day grace period, followed until they wait in it; memory after GC. */
    private void parkedScenario() throws Exception {

        say("parked scenario: " + options.park + " deletions, 30-day grace, " + options.parkProducts
                + " product(s) each");
        // the Java test server runs in a child JVM here, so that dsrflow's heap is weighed apart from
        // the in-memory Temporal that holds every history; the real server is a process of its own anyway
        boolean testServer = options.temporal == BenchOptions.TemporalKind.TEST_SERVER;
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (SeparateTemporal temporal = testServer ? SeparateTemporal.start(port) : null;
                BenchRuntime runtime = BenchRuntime.start(
                        options.parkProducts,
                        "30d",
                        options.temporal,
                        testServer ? "localhost:" + port : null,
                        options.settings)) {
            HttpApi api = new HttpApi(runtime.httpPort(), "ops", "ops");
            List<String> products = BenchRuntime.benchProducts(options.parkProducts);
            ProcessMemory before = ProcessMemory.afterGc();
            Samples post = new Samples();
            List<String> ids = Collections.synchronizedList(new ArrayList<>());
            ClosedLoop.Outcome filed = ClosedLoop.run(options.park, options.concurrency, i -> {
                HttpApi.Answer a = api.post("/v1/requests", DsrflowBench.body("DELETION", products));
                post.add(a.nanos());
                if (a.status() != 201) {
                    throw new IllegalStateException("POST answered " + a.status());
                }
                ids.add(a.id());
                return true;
            });
            long t1 = System.nanoTime();
            List<String> all = List.copyOf(ids);
            ClosedLoop.Outcome parked = ClosedLoop.run(all.size(), options.concurrency, i -> {
                long deadline = System.nanoTime() + 600_000_000_000L;
                while (System.nanoTime() < deadline) {
                    String status = api.get("/v1/requests/" + all.get(i), true).requestStatus();
                    if ("GRACE_PERIOD".equals(status)) {
                        return true;
                    }
                    Thread.sleep(200);
                }
                return false;
            });
            double settle = (System.nanoTime() - t1) / 1e9;
            ProcessMemory after = ProcessMemory.afterGc();
            double delta = after.heapMb() - before.heapMb();
            double temporalRss = testServer
                    ? temporal.rssMb()
                    : runtime.temporalProcess()
                            .map(p -> ProcessMemory.rssMb(Long.toString(p.pid())))
                            .orElse(Double.NaN);
            extra.add(String.format(
                    Locale.ROOT,
                    "parked deletions: %d filed over the API in %.0f s (%.1f/s, POST p50/p99 %s ms, %d failed),"
                            + " %d seen in GRACE_PERIOD %.0f s later",
                    filed.completed(),
                    filed.wallSeconds(),
                    filed.completed() / filed.wallSeconds(),
                    Report.pair(post.percentileMillis(50), post.percentileMillis(99)),
                    filed.failed(),
                    parked.completed(),
                    settle));
            extra.add(String.format(
                    Locale.ROOT,
                    "  dsrflow process (API, orchestrator, product workers; Temporal apart): heap after GC %.0f"
                            + " MB before, %.0f MB parked (+%.0f MB, %.1f KB per deletion); RSS %.0f -> %.0f MB;"
                            + " Temporal (%s) RSS %.0f MB",
                    before.heapMb(),
                    after.heapMb(),
                    delta,
                    delta * 1024 / Math.max(1, parked.completed()),
                    before.rssMb(),
                    after.rssMb(),
                    options.temporal,
                    temporalRss));
            targets.add(Report.target(
                    parked.completed() + " parked deletions: dsrflow heap after GC, Temporal apart (MB)",
                    after.heapMb(),
                    Report.MAX_PARKED_HEAP_MB,
                    false));
        }
    }

    private void print(double seconds) {
        Out out = new Out();
        out.add("dsrflow benchmark (" + options.profile + ", medians of " + options.repeat + " run(s) per cell; ms; "
                + "to-done = POST sent to the completedAt the workflow recorded;\n "
                + (options.waitForResult
                        ? "completion awaited with a Temporal long poll (as the baseline's), then one GET of the view"
                        : "views polled from " + options.pollMillis + " ms, backing off to " + 4 * options.pollMillis
                                + " ms")
                + "; cpu/req = CPU ms per completed request, all threads of this JVM plus the embedded PostgreSQL"
                + (options.temporal == BenchOptions.TemporalKind.DEV_SERVER ? " and the Temporal server process;" : ";")
                + " ×thr/×ev/×cpu = dsrflow / baseline of the same N and load)\n");
        out.add(Report.header()).add("\n");
        for (int load : options.loads) {
            for (int n : options.products) {
                RunResult base = median(BASELINE, n, load);
                RunResult base3 = median(BASELINE_3, n, load);
                out.add(Report.line(base, null, Report.spread(cells.get(key(BASELINE, n, load)))))
                        .add("\n");
                RunResult access = median(ACCESS, n, load);
                out.add(Report.line(access, base, Report.spread(cells.get(key(ACCESS, n, load)))))
                        .add("\n");
                targets.addAll(Report.targets(access, base, "baseline"));
                if (options.deletion && options.deletionProducts.contains(n)) {
                    RunResult deletion = median(DELETION, n, load);
                    out.add(Report.line(deletion, base, Report.spread(cells.get(key(DELETION, n, load)))))
                            .add("\n");
                    out.add(Report.line(base3, null, Report.spread(cells.get(key(BASELINE_3, n, load)))))
                            .add("\n");
                    out.add(Report.line(deletion.withScenario("  DELETION vs 3-step"), base3, ""))
                            .add("\n");
                    targets.addAll(Report.targets(deletion, base, "baseline"));
                    targets.addAll(Report.targets(deletion, base3, "3-step baseline"));
                }
            }
            if (options.demo) {
                RunResult demo = median(DEMO, 8, load);
                RunResult base = median(BASELINE, 8, load);
                if (demo != null) {
                    out.add(Report.line(demo, base, Report.spread(cells.get(key(DEMO, demo.products(), load)))))
                            .add("\n");
                    if (base != null) {
                        targets.addAll(Report.targets(demo, base, "baseline"));
                    }
                }
            }
        }
        out.add("\n");
        extra.forEach(l -> out.add(l).add("\n"));
        notes.forEach(l -> out.add("note: ").add(l).add("\n"));
        out.add("\ntargets\n");
        targets.forEach(l -> out.add(l).add("\n"));
        out.add(String.format(Locale.ROOT, "\nbenchmark took %.0f s\n", seconds));
        System.out.print(out);
    }

    private static void say(String line) {
        System.out.println(java.time.LocalTime.now().withNano(0) + " " + line);
    }

    /** A StringBuilder whose add returns itself (the table is assembled line by line). */
    private static final class Out {
        private final StringBuilder b = new StringBuilder("\n");

        Out add(String s) {
            b.append(s);
            return this;
        }

        @Override
        public String toString() {
            return b.toString();
        }
    }
}
