package dev.dsrflow.bench;

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

  private final HttpApi api;
  private final WorkflowClient client;
  private final int pollMillis;
  private final long timeoutMillis;
  private final Consumer<String> notes;

  DsrflowBench(HttpApi api, WorkflowClient client, int pollMillis, long timeoutMillis, Consumer<String> notes) {
    this.api = api;
    this.client = client;
    this.pollMillis = pollMillis;
    this.timeoutMillis = timeoutMillis;
    this.notes = notes;
  }

  /** The JSON body of a filing about a fresh synthetic subject. */
  static String body(String type, List<String> products) {
    StringBuilder p = new StringBuilder();
    for (String id : products) {
      p.append(p.length() == 0 ? "" : ",").append('"').append(id).append('"');
    }
    return "{\"type\":\"" + type + "\",\"jurisdiction\":\"GDPR\",\"subject\":{\"userId\":\"bench-" + UUID.randomUUID()
        + "\"},\"products\":[" + p + "]}";
  }

  /** Files {@code requests} requests of {@code type} on {@code products}, each followed to COMPLETED. */
  RunResult run(String label, String type, List<String> products, int requests, int concurrency, int eventSample,
      List<String> completedIds) throws InterruptedException {
    Samples post = new Samples();
    Samples get = new Samples();
    Samples done = new Samples();
    List<HttpApi.Answer> sample = Collections.synchronizedList(new ArrayList<>());
    double cpu0 = ProcessMemory.cpuMillis();
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
      long wait = pollMillis;
      while (System.nanoTime() - t0 < timeoutMillis * 1_000_000L) {
        Thread.sleep(wait);
        wait = nextPoll(wait, pollMillis);
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
    double cpu = (ProcessMemory.cpuMillis() - cpu0) / Math.max(1, outcome.completed());
    // throughput up to the last completion the workflows recorded, not to the last poll that saw it
    double wall = lastDone.get() > start ? (lastDone.get() - start) / 1000.0 : outcome.wallSeconds();
    if (outcome.firstError() != null || outcome.failed() > 0) {
      notes.accept(label + " N=" + products.size() + ": " + outcome.failed() + " failed"
          + (outcome.firstError() == null ? "" : ", first error: " + outcome.firstError()));
    }
    double requestEvents = sample.stream().mapToInt(v -> events(WorkflowIds.request(v.id()))).average().orElse(Double.NaN);
    double registryEvents = "DELETION".equals(type)
        ? sample.stream().mapToInt(v -> events(WorkflowIds.holds(v.subjectKey()))).average().orElse(Double.NaN) : 0;
    if (registryEvents > 0) {
      notes.accept(String.format(java.util.Locale.ROOT, "%s N=%d x%d: events per request = %.1f request workflow + %.1f hold registry",
          label, products.size(), requests, requestEvents, registryEvents));
    }
    ProcessMemory mem = ProcessMemory.now();
    return new RunResult(label, products.size(), requests, outcome.completed(), outcome.completed() / wall,
        post.percentileMillis(50), post.percentileMillis(99), get.percentileMillis(50), get.percentileMillis(99),
        done.percentileMillis(50), done.percentileMillis(99), requestEvents + registryEvents, cpu, mem.heapMb(), mem.rssMb());
  }

  /** Polling backs off by half each time, up to four times the first interval (as a patient client would). */
  static long nextPoll(long current, long first) {
    return Math.min(first * 4, current + current / 2);
  }

  private int events(String workflowId) {
    try {
      return client.fetchHistory(workflowId).getEvents().size();
    } catch (RuntimeException e) {
      return 0;
    }
  }
}
