package dev.dsrflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** A fixed number of client threads working through {@code count} numbered requests, one at a time each. */
final class ClosedLoop {
    /** One client's work for request {@code index}; true when the request completed. */
    @FunctionalInterface
    interface Job {
        boolean run(int index) throws Exception;
    }

    /** What the loop did. */
    record Outcome(int completed, int failed, double wallSeconds, String firstError) {}

    private ClosedLoop() {}

    static Outcome run(int count, int concurrency, Job job) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "bench-client");
            t.setDaemon(true);
            return t;
        });
        long t0 = System.nanoTime();
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            clients.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    try {
                        if (job.run(i)) {
                            done.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        errors.add(e.toString());
                    }
                }
            }));
        }
        for (Future<?> f : clients) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                errors.add(e.getCause().toString());
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        pool.shutdownNow();
        return new Outcome(done.get(), failed.get(), wall, errors.isEmpty() ? null : errors.get(0));
    }
}
