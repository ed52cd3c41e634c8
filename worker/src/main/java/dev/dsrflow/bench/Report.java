package dev.dsrflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Formats the benchmark's figures as a fixed-width table and a PASS/MISS block of targets. */
final class Report {
    /** Throughput of dsrflow must be at least this share of the baseline's. */
    static final double MIN_THROUGHPUT_RATIO = 0.7;
    /** History events per request may be at most this multiple of the baseline's. */
    static final double MAX_EVENTS_RATIO = 1.3;
    /** GET /v1/requests/{id} p99 at most this multiple of GET /health p99. */
    static final double MAX_GET_RATIO = 5.0;
    /** Parked deletions must fit in this much heap. */
    static final double MAX_PARKED_HEAP_MB = 512;

    private static final String HEADER = String.format(
            Locale.ROOT,
            "%-24s %3s %6s %6s %8s %15s %15s %17s %8s %7s %7s %7s %6s %6s %6s %6s",
            "scenario",
            "N",
            "reqs",
            "done",
            "req/s",
            "POST p50/p99",
            "GET p50/p99",
            "to-done p50/p99",
            "ev/req",
            "cpu/req",
            "heapMB",
            "rssMB",
            "×thr",
            "×ev",
            "×cpu",
            "spread");

    private Report() {}

    /** One table line; ratios against {@code baseline} (null for the baseline itself). */
    static String line(RunResult r, RunResult baseline, String spread) {
        double thr = baseline == null ? Double.NaN : Samples.ratio(r.perSecond(), baseline.perSecond());
        double ev = baseline == null ? Double.NaN : Samples.ratio(r.eventsPerRequest(), baseline.eventsPerRequest());
        double cpu = baseline == null ? Double.NaN : Samples.ratio(r.cpuMsPerRequest(), baseline.cpuMsPerRequest());
        return String.format(
                Locale.ROOT,
                "%-24s %3d %6d %6d %8s %15s %15s %17s %8s %7s %7s %7s %6s %6s %6s %6s",
                r.scenario(),
                r.products(),
                r.requests(),
                r.completed(),
                num(r.perSecond(), 1),
                pair(r.fileP50(), r.fileP99()),
                pair(r.getP50(), r.getP99()),
                pair(r.doneP50(), r.doneP99()),
                num(r.eventsPerRequest(), 1),
                num(r.cpuMsPerRequest(), 1),
                num(r.heapMb(), 0),
                num(r.rssMb(), 0),
                num(thr, 2),
                num(ev, 2),
                num(cpu, 2),
                spread == null ? "" : spread);
    }

    static String header() {
        return HEADER + "\n" + "-".repeat(HEADER.length());
    }

    /** {@code a/b} in milliseconds, "-" for a missing figure. */
    static String pair(double a, double b) {
        if (Double.isNaN(a) && Double.isNaN(b)) {
            return "-";
        }
        return num(a, a < 100 ? 1 : 0) + "/" + num(b, b < 100 ? 1 : 0);
    }

    static String num(double v, int decimals) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** The throughput spread of repeats as "±x%" of the median (half the range), or "" for one run. */
    static String spread(List<RunResult> runs) {
        if (runs.size() < 2) {
            return "";
        }
        double min = runs.stream().mapToDouble(RunResult::perSecond).min().orElse(Double.NaN);
        double max = runs.stream().mapToDouble(RunResult::perSecond).max().orElse(Double.NaN);
        double med = RunResult.median(runs).perSecond();
        return "±" + num((max - min) / 2 / med * 100, 0) + "%";
    }

    /** One target's verdict line. */
    static String target(String name, double value, double limit, boolean atLeast) {
        boolean pass = !Double.isNaN(value) && (atLeast ? value >= limit : value <= limit);
        return String.format(
                Locale.ROOT,
                "  %-4s %-64s %8s %s %s",
                pass ? "PASS" : "MISS",
                name,
                num(value, 2),
                atLeast ? ">=" : "<=",
                num(limit, 2));
    }

    /** Throughput and events targets of a dsrflow run against its baseline. */
    static List<String> targets(RunResult run, RunResult baseline, String baselineName) {
        List<String> out = new ArrayList<>();
        String what = run.scenario() + " N=" + run.products() + " x" + run.requests();
        out.add(target(
                what + ": throughput / " + baselineName,
                Samples.ratio(run.perSecond(), baseline.perSecond()),
                MIN_THROUGHPUT_RATIO,
                true));
        out.add(target(
                what + ": events per request / " + baselineName,
                Samples.ratio(run.eventsPerRequest(), baseline.eventsPerRequest()),
                MAX_EVENTS_RATIO,
                false));
        return out;
    }
}
