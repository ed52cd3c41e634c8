package dev.dsrflow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsrflow.workflow.WorkflowIds;
import io.temporal.client.WorkflowClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * dsrflow driven as a client would: requests filed with {@code POST /v1/requests} (Basic auth),
 * then {@code GET /v1/requests/{id}} polled until COMPLETED. History events are read from
 * Temporal for a sample: the request workflow's, plus the subject's hold-registry workflow's
 * (each request has its own subject, so the registry's work is the request's).
 */
final class DsrflowBench {
    private static final Set<String> FAILED = Set.of("CANCELLED", "REJECTED", "RELEASED", "EXPIRED", "FAILED");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpApi api;
    private final WorkflowClient client;
    private final int pollMillis;
    private final boolean waitForResult;
    private final long timeoutMillis;
    private final Consumer<String> notes;
    private final CpuMeter cpuMeter;
    private final java.util.Set<String> described = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * @param waitForResult follow each request as the baseline follows its workflow (a Temporal
     *     long poll on the request workflow's result), then read its view once with GET; false:
     *     poll GET from {@code pollMillis} on, as a client without Temporal access would
     */
    DsrflowBench(
            HttpApi api,
            WorkflowClient client,
            int pollMillis,
            boolean waitForResult,
            long timeoutMillis,
            Consumer<String> notes,
            CpuMeter cpuMeter) {
        this.cpuMeter = cpuMeter;
        this.api = api;
        this.client = client;
        this.pollMillis = pollMillis;
        this.waitForResult = waitForResult;
        this.timeoutMillis = timeoutMillis;
        this.notes = notes;
    }

    /** The JSON body of a filing about a fresh synthetic subject. */
    static String body(String type, List<String> products) {
        ObjectNode filing = JSON.createObjectNode().put("type", type).put("jurisdiction", "GDPR");
        filing.putObject("subject").put("userId", "bench-" + UUID.randomUUID());
        products.forEach(filing.putArray("products")::add);
        return filing.toString();
    }

    /** Files {@code requests} requests of {@code type} on {@code products}, each followed to COMPLETED. */
    RunResult run(
            String label,
            String type,
            List<String> products,
            int requests,
            int concurrency,
            int eventSample,
            List<String> completedIds)
            throws InterruptedException {
        Samples post = new Samples();
        Samples get = new Samples();
        Samples done = new Samples();
        List<HttpApi.Answer> sample = Collections.synchronizedList(new ArrayList<>());
        double cpu0 = cpuMeter.millis();
        double db0 = cpuMeter.postgresMillis();
        java.util.concurrent.atomic.AtomicLong lastDone = new java.util.concurrent.atomic.AtomicLong();
        long start = System.currentTimeMillis();
        ClosedLoop.Outcome outcome = ClosedLoop.run(requests, concurrency, i -> {
            long t0 = System.nanoTime();
            long filedAt = System.currentTimeMillis();
            HttpApi.Answer filed = api.post("/v1/requests", body(type, products));
            post.add(filed.nanos());
            if (filed.status() != 201) {
                throw new IllegalStateException("POST answered " + filed.status() + ": " + filed.body());
            }
            String id = filed.id();
            if (waitForResult) {
                awaitWorkflow(id);
            }
            long wait = waitForResult ? 0 : pollMillis;
            while (System.nanoTime() - t0 < timeoutMillis * 1_000_000L) {
                Thread.sleep(wait);
                wait = wait == 0 ? pollMillis : nextPoll(wait, pollMillis);
                HttpApi.Answer view = api.get("/v1/requests/" + id, true);
                get.add(view.nanos());
                String status = view.requestStatus();
                if ("COMPLETED".equals(status)) {
                    java.time.Instant completedAt = view.completedAt();
                    long doneAt = completedAt == null ? System.currentTimeMillis() : completedAt.toEpochMilli();
                    done.add(Math.max(0, doneAt - filedAt) * 1_000_000L);
                    lastDone.accumulateAndGet(doneAt, Math::max);
                    if (sample.size() < eventSample) {
                        sample.add(view);
                    }
                    if (completedIds != null) {
                        completedIds.add(id);
                    }
                    return true;
                }
                if (FAILED.contains(status)) {
                    return false;
                }
            }
            return false;
        });
        double cpu = (cpuMeter.millis() - cpu0) / Math.max(1, outcome.completed());
        double db = (cpuMeter.postgresMillis() - db0) / Math.max(1, outcome.completed());
        // waiting: the loop's wall clock, as the baseline's; polling: up to the last completion the
        // workflows recorded, not to the last poll that saw it
        double wall =
                waitForResult || lastDone.get() <= start ? outcome.wallSeconds() : (lastDone.get() - start) / 1000.0;
        if (!"warmup".equals(label)) {
            notes.accept(String.format(
                    java.util.Locale.ROOT,
                    "%s N=%d x%d: cpu/req %.1f ms, of which PostgreSQL %.1f ms",
                    label,
                    products.size(),
                    requests,
                    cpu,
                    db));
        }
        if (outcome.firstError() != null || outcome.failed() > 0) {
            notes.accept(label + " N=" + products.size() + ": " + outcome.failed() + " failed"
                    + (outcome.firstError() == null ? "" : ", first error: " + outcome.firstError()));
        }
        if (!sample.isEmpty() && !"warmup".equals(label) && described.add(label + " N=" + products.size())) {
            notes.accept(label + " N=" + products.size() + ": history of one request by event type: "
                    + eventTypes(WorkflowIds.request(sample.get(0).id())));
        }
        double requestEvents = sample.stream()
                .mapToInt(v -> events(WorkflowIds.request(v.id())))
                .average()
                .orElse(Double.NaN);
        double registryEvents = "DELETION".equals(type)
                ? sample.stream()
                        .mapToInt(v -> events(WorkflowIds.holds(v.subjectKey())))
                        .average()
                        .orElse(Double.NaN)
                : 0;
        if (registryEvents > 0) {
            notes.accept(String.format(
                    java.util.Locale.ROOT,
                    "%s N=%d x%d: events per request = %.1f request workflow + %.1f hold registry",
                    label,
                    products.size(),
                    requests,
                    requestEvents,
                    registryEvents));
        }
        ProcessMemory mem = ProcessMemory.now();
        return new RunResult(
                label,
                products.size(),
                requests,
                outcome.completed(),
                outcome.completed() / wall,
                post.percentileMillis(50),
                post.percentileMillis(99),
                get.percentileMillis(50),
                get.percentileMillis(99),
                done.percentileMillis(50),
                done.percentileMillis(99),
                requestEvents + registryEvents,
                cpu,
                mem.heapMb(),
                mem.rssMb());
    }

    /** Blocks until the request's workflow has ended (either way: the view then tells how). */
    private void awaitWorkflow(String requestId) {
        try {
            client.newUntypedWorkflowStub(WorkflowIds.request(requestId))
                    .getResult(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS, Void.class);
        } catch (java.util.concurrent.TimeoutException | RuntimeException e) {
            // the view decides; polling takes over
        }
    }

    /** Polling backs off by half each time, up to four times the first interval (as a patient client would). */
    static long nextPoll(long current, long first) {
        return Math.min(first * 4, current + current / 2);
    }

    /** Event types of a history with their counts (markers by name), for reading where events go. */
    private String eventTypes(String workflowId) {
        try {
            java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
            for (io.temporal.api.history.v1.HistoryEvent e :
                    client.fetchHistory(workflowId).getEvents()) {
                String type = e.getEventType().name().replace("EVENT_TYPE_", "");
                if (e.hasMarkerRecordedEventAttributes()) {
                    var marker = e.getMarkerRecordedEventAttributes();
                    type += ":" + marker.getMarkerName();
                    var activityType = marker.getDetailsMap().get("type");
                    if (activityType != null && activityType.getPayloadsCount() > 0) {
                        String name = activityType
                                .getPayloads(0)
                                .getData()
                                .toStringUtf8()
                                .replace("\"", "");
                        type += name.matches("[A-Za-z0-9_.-]{1,60}") ? ":" + name : "";
                    }
                }
                counts.merge(type, 1, Integer::sum);
            }
            return counts.toString();
        } catch (RuntimeException e) {
            return "unavailable (" + e.getClass().getSimpleName() + ")";
        }
    }

    private int events(String workflowId) {
        try {
            return client.fetchHistory(workflowId).getEvents().size();
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
