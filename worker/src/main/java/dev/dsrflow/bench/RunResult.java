package dev.dsrflow.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The figures of one measured run: throughput, latencies in milliseconds (NaN where the
 * scenario has no such call), history events per request, and memory at the end of the run.
 *
 * @param scenario what ran, e.g. {@code baseline} or {@code dsrflow ACCESS}
 * @param products N, the number of products (task queues) per request
 * @param requests requests filed
 * @param completed requests seen COMPLETED (baseline: workflows completed)
 * @param perSecond completed requests per wall-clock second
 * @param fileP50 {@code POST /v1/requests} (baseline: workflow start) p50
 * @param eventsPerRequest Temporal history events per request (sampled)
 * @param cpuMsPerRequest process CPU time (all threads: server, clients, database driver) per completed request
 */
record RunResult(
        String scenario,
        int products,
        int requests,
        int completed,
        double perSecond,
        double fileP50,
        double fileP99,
        double getP50,
        double getP99,
        double doneP50,
        double doneP99,
        double eventsPerRequest,
        double cpuMsPerRequest,
        double heapMb,
        double rssMb) {

    /** The same figures under another label. */
    RunResult withScenario(String label) {
        return new RunResult(
                label,
                products,
                requests,
                completed,
                perSecond,
                fileP50,
                fileP99,
                getP50,
                getP99,
                doneP50,
                doneP99,
                eventsPerRequest,
                cpuMsPerRequest,
                heapMb,
                rssMb);
    }

    /** Cell-by-cell median of repeated runs of the same scenario. */
    static RunResult median(List<RunResult> runs) {
        RunResult first = runs.get(0);
        return new RunResult(
                first.scenario,
                first.products,
                first.requests,
                (int) Math.round(m(runs, r -> r.completed)),
                m(runs, RunResult::perSecond),
                m(runs, RunResult::fileP50),
                m(runs, RunResult::fileP99),
                m(runs, RunResult::getP50),
                m(runs, RunResult::getP99),
                m(runs, RunResult::doneP50),
                m(runs, RunResult::doneP99),
                m(runs, RunResult::eventsPerRequest),
                m(runs, RunResult::cpuMsPerRequest),
                m(runs, RunResult::heapMb),
                m(runs, RunResult::rssMb));
    }

    private static double m(List<RunResult> runs, ToDoubleFunction<RunResult> f) {
        return Samples.median(runs.stream().mapToDouble(f).toArray());
    }
}
