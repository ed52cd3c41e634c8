package dev.dsrflow.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark's command-line options (picocli). {@code --quick} (default) finishes in a few
 * minutes; {@code --full} adds the 1,000 and 5,000-request runs and parks 10,000 deletions.
 * Options given explicitly win over the profile's values, wherever they stand.
 */
@Command(
        name = "java -jar worker/target/dsrflow.jar bench",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Bare Temporal against dsrflow on the embedded runtime, side by side in one run.")
final class BenchOptions {
    /** Which Temporal the run uses. */
    enum TemporalKind {
        /** The Temporal Java test server, in memory, in this JVM. */
        TEST_SERVER,
        /** The real server, {@code temporal server start-dev}, as a child process. */
        DEV_SERVER;

        @Override
        public String toString() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    /** How a client learns that a request completed. */
    enum Follow {
        wait,
        poll
    }

    @Option(
            names = "--quick",
            description =
                    "N=1,8,32 x100 requests (deletions on N=1,8), 2,000 parked deletions" + " (default; a few minutes)")
    boolean quick;

    @Option(
            names = "--full",
            description = "N=1,8,32 x100,1000,5000 requests (deletions on every N)," + " 10,000 parked deletions")
    boolean full;

    @Option(
            names = "--temporal",
            paramLabel = "test-server|dev-server",
            converter = TemporalConverter.class,
            description = "test-server: the Java test server in memory (default); dev-server: the real Temporal"
                    + " server (temporal server start-dev, SQLite), found as the run command finds it")
    TemporalKind temporal = TemporalKind.TEST_SERVER;

    @Option(
            names = "--products",
            split = ",",
            paramLabel = "N",
            description = "products (task queues) per request" + " (default 1,8,32)")
    List<Integer> products = List.of(1, 8, 32);

    @Option(names = "--loads", split = ",", paramLabel = "REQUESTS", description = "requests per run (default 100)")
    List<Integer> loads = List.of(100);

    @Option(
            names = "--deletion-products",
            split = ",",
            paramLabel = "N",
            description = "the N that also run deletions, beside the 3-step baseline (default 1,8)")
    List<Integer> deletionProducts = List.of(1, 8);

    @Option(names = "--concurrency", description = "concurrent clients filing and following requests (default 32)")
    int concurrency = 32;

    @Option(names = "--repeat", description = "runs of each cell; the table shows medians (default 1)")
    int repeat = 1;

    @Option(names = "--warmup", description = "unrecorded requests of each kind first (default 200)")
    int warmup = 200;

    @Option(
            names = "--follow",
            description = "wait: a Temporal long poll on the request's workflow, as the baseline waits for its own,"
                    + " then one GET (default); poll: GET /v1/requests/{id} only, from --poll-ms on")
    Follow follow = Follow.wait;

    @Option(names = "--poll-ms", description = "first interval of GET polls (backs off x1.5 to 4x; default 250)")
    int pollMillis = 250;

    @Option(names = "--event-sample", description = "requests per cell whose history events are counted (default 5)")
    int eventSample = 5;

    @Option(names = "--get-clients", description = "clients of the GET p99 scenario (default 50)")
    int getClients = 50;

    @Option(names = "--get-seconds", description = "its duration (default 10)")
    int getSeconds = 10;

    @Option(names = "--park", description = "deletions parked in a 30-day grace period (0: skip; default 2000)")
    int park = 2000;

    @Option(names = "--park-products", description = "products per parked deletion (default 1)")
    int parkProducts = 1;

    @Option(names = "--park-only", description = "only the parked-deletions scenario")
    boolean parkOnly;

    @Option(names = "--no-demo", negatable = false, description = "skip the demo-products run")
    boolean noDemo;

    @Option(names = "--no-deletion", negatable = false, description = "skip deletion runs")
    boolean noDeletion;

    @Option(
            names = "--set",
            paramLabel = "key=value",
            description = "a runtime property for this run, applied last (repeatable; for A/B runs of a setting,"
                    + " e.g. --set dsrflow.policy.search-attributes=false)")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--verbose", description = "keep dsrflow's own INFO logs")
    boolean verbose;

    String profile = "quick";
    boolean helpRequested;
    boolean waitForResult = true;
    boolean demo = true;
    boolean deletion = true;
    /** Runtime properties set with --set, applied last. */
    Map<String, Object> settings = new LinkedHashMap<>();

    /** Parses the arguments; throws {@link CommandLine.ParameterException} with the usage on a bad one. */
    static BenchOptions parse(String... args) {
        BenchOptions o = new BenchOptions();
        CommandLine cli = new CommandLine(o);
        CommandLine.ParseResult parsed = cli.parseArgs(args);
        o.helpRequested = parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested();
        if (o.full) {
            o.profile = "full";
            if (!parsed.hasMatchedOption("--loads")) {
                o.loads = List.of(100, 1000, 5000);
            }
            if (!parsed.hasMatchedOption("--deletion-products")) {
                o.deletionProducts = List.of(1, 8, 32);
            }
            if (!parsed.hasMatchedOption("--park")) {
                o.park = 10_000;
            }
            if (!parsed.hasMatchedOption("--get-seconds")) {
                o.getSeconds = 30;
            }
        }
        if (o.parkOnly) {
            o.loads = List.of();
        }
        o.waitForResult = o.follow == Follow.wait;
        o.demo = !o.noDemo;
        o.deletion = !o.noDeletion;
        o.settings.putAll(o.set);
        return o;
    }

    /** The usage text. */
    static String usage() {
        return new CommandLine(new BenchOptions()).getUsageMessage();
    }

    int maxProducts() {
        return products.stream().mapToInt(Integer::intValue).max().orElse(1);
    }

    @Override
    public String toString() {
        return "profile=" + profile + " temporal=" + temporal + " products=" + products + " loads=" + loads
                + " deletion-products=" + deletionProducts + " concurrency=" + concurrency
                + " repeat=" + repeat + " warmup=" + warmup + " follow=" + follow
                + " poll-ms=" + pollMillis + " get-clients=" + getClients
                + " get-seconds=" + getSeconds + " park=" + park + "x" + parkProducts + " demo=" + demo + " deletion="
                + deletion + (settings.isEmpty() ? "" : " set=" + settings);
    }

    /** Reads {@code test-server} and {@code dev-server}. */
    static final class TemporalConverter implements CommandLine.ITypeConverter<TemporalKind> {
        @Override
        public TemporalKind convert(String value) {
            for (TemporalKind k : TemporalKind.values()) {
                if (k.toString().equals(value)) {
                    return k;
                }
            }
            throw new CommandLine.TypeConversionException("--temporal takes test-server or dev-server, not " + value);
        }
    }
}
