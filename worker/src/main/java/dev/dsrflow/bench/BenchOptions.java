package dev.dsrflow.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's command-line options. {@code --quick} (default) finishes in a few minutes;
 * {@code --full} adds the 5,000-request runs and parks 10,000 deletions. Flags after the
 * profile override it.
 */
final class BenchOptions {
    List<Integer> products = List.of(1, 8, 32);
    List<Integer> loads = List.of(100);
    List<Integer> deletionProducts = List.of(1, 8);
    int concurrency = 32;
    int repeat = 1;
    int warmup = 200;
    int pollMillis = 250;
    boolean waitForResult = true;
    int eventSample = 5;
    int getClients = 50;
    int getSeconds = 10;
    int park = 2000;
    int parkProducts = 1;
    boolean demo = true;
    boolean deletion = true;
    boolean verbose;
    /** Runtime properties set with --set (for A/B runs of a setting), applied last. */
    java.util.Map<String, Object> settings = new java.util.LinkedHashMap<>();

    String profile = "quick";

    static final String USAGE = """
      usage: java -jar worker/target/dsrflow.jar bench [--quick | --full] [options]
        --quick               N=1,8,32 x100 requests (deletions on N=1,8), 2,000 parked deletions (default; a few minutes)
        --full                N=1,8,32 x100,1000,5000 requests (deletions on every N), 10,000 parked deletions
        --products 1,8,32     products (task queues) per request
        --loads 100,5000      requests per run
        --deletion-products 1,8  the N that also run deletions (deletions are the slow part)
        --concurrency 32      concurrent clients filing and following requests
        --repeat 1            runs of each cell; the table shows medians
        --warmup 200          unrecorded requests of each kind first (the JIT needs a few hundred)
        --follow wait         how a client learns a request completed: wait = a Temporal long poll on its workflow's
                              result, as the baseline waits for its own, then one GET /v1/requests/{id} (default);
                              poll = GET /v1/requests/{id} only, from --poll-ms on (closed-loop clients then idle
                              between polls, which caps throughput below what the server can do)
        --poll-ms 250         first interval of GET /v1/requests/{id} while following a request (backs off x1.5 to 4x)
        --get-clients 50      clients of the GET p99 scenario
        --get-seconds 10      its duration
        --park 2000           deletions parked in a 30-day grace period (0: skip)
        --park-products 1     products per parked deletion
        --park-only           only the parked-deletions scenario
        --no-demo             skip the demo-products run
        --no-deletion         skip deletion runs
        --set key=value       a runtime property for this run, applied last (repeatable; for A/B runs of a setting,
                              e.g. --set dsrflow.policy.search-attributes=false)
        --verbose             keep dsrflow's own INFO logs
      """;

    static BenchOptions parse(String[] args) {
        BenchOptions o = new BenchOptions();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--quick" -> o.quick();
                case "--full" -> o.full();
                case "--products" -> o.products = ints(args[++i]);
                case "--loads" -> o.loads = ints(args[++i]);
                case "--deletion-products" -> o.deletionProducts = ints(args[++i]);
                case "--concurrency" -> o.concurrency = Integer.parseInt(args[++i]);
                case "--repeat" -> o.repeat = Integer.parseInt(args[++i]);
                case "--warmup" -> o.warmup = Integer.parseInt(args[++i]);
                case "--poll-ms" -> o.pollMillis = Integer.parseInt(args[++i]);
                case "--follow" ->
                    o.waitForResult = switch (args[++i]) {
                        case "wait" -> true;
                        case "poll" -> false;
                        default -> throw new IllegalArgumentException("--follow takes wait or poll\n" + USAGE);
                    };
                case "--get-clients" -> o.getClients = Integer.parseInt(args[++i]);
                case "--get-seconds" -> o.getSeconds = Integer.parseInt(args[++i]);
                case "--park" -> o.park = Integer.parseInt(args[++i]);
                case "--park-products" -> o.parkProducts = Integer.parseInt(args[++i]);
                case "--park-only" -> o.loads = List.of();
                case "--no-demo" -> o.demo = false;
                case "--no-deletion" -> o.deletion = false;
                case "--verbose" -> o.verbose = true;
                case "--set" -> {
                    String kv = args[++i];
                    int eq = kv.indexOf('=');
                    if (eq < 1) {
                        throw new IllegalArgumentException("--set takes key=value\n" + USAGE);
                    }
                    o.settings.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
                case "--help", "-h" -> throw new IllegalArgumentException(USAGE);
                default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
            }
        }
        return o;
    }

    private void quick() {
        profile = "quick";
        loads = List.of(100);
        deletionProducts = List.of(1, 8);
        repeat = 1;
        park = 2000;
        getSeconds = 10;
    }

    private void full() {
        profile = "full";
        loads = List.of(100, 1000, 5000);
        deletionProducts = List.of(1, 8, 32);
        repeat = 1;
        park = 10_000;
        getSeconds = 30;
    }

    int maxProducts() {
        return products.stream().mapToInt(Integer::intValue).max().orElse(1);
    }

    static List<Integer> ints(String csv) {
        List<Integer> out = new ArrayList<>();
        for (String s : csv.split(",")) {
            out.add(Integer.parseInt(s.trim().replace("_", "")));
        }
        return out;
    }

    @Override
    public String toString() {
        return "profile=" + profile + " products=" + products + " loads=" + loads + " deletion-products="
                + deletionProducts + " concurrency=" + concurrency
                + " repeat=" + repeat + " warmup=" + warmup + " follow=" + (waitForResult ? "wait" : "poll")
                + " poll-ms=" + pollMillis + " get-clients=" + getClients
                + " get-seconds=" + getSeconds + " park=" + park + "x" + parkProducts + " demo=" + demo + " deletion="
                + deletion + (settings.isEmpty() ? "" : " set=" + settings);
    }
}
