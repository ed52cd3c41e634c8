package dev.dsrflow.productworker;

import com.sun.net.httpserver.HttpServer;
import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import com.uber.m3.tally.ScopeCloseException;
import dev.dsrflow.product.activity.ProductActivityCounters;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A product worker's own {@code GET /metrics}: the Temporal SDK's worker and client metrics
 * ({@code temporal_*}: activity latencies and failures, schedule-to-start, slots, polls, by task
 * queue and activity type) and the product's attempts and retries ({@code dsrflow_product_*},
 * see {@link ProductActivityCounters}) in the Prometheus text format, so the team running the
 * worker sees which of its activities fail, retry or queue up. Labels are task queues, activity
 * types, product ids and outcomes: never a request id or a subject key.
 */
final class WorkerMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Scope scope = new RootScopeBuilder()
            .reporter(new MicrometerClientStatsReporter(registry))
            .reportEvery(com.uber.m3.util.Duration.ofSeconds(1));
    private final HttpServer server;

    private WorkerMetrics(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/metrics", exchange -> {
            try (exchange) {
                if (!"GET".equals(exchange.getRequestMethod())) {
                    exchange.sendResponseHeaders(405, -1);
                    return;
                }
                byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    /** Serves {@code /metrics} on this port (0: any free port) until closed. */
    static WorkerMetrics serve(int port) {
        try {
            return new WorkerMetrics(port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve worker metrics on port " + port, e);
        }
    }

    /** The scope the worker's service stubs report through. */
    Scope scope() {
        return scope;
    }

    /** Counts the product's activity attempts and retries into this registry (a worker interceptor). */
    ProductActivityCounters counters() {
        return new ProductActivityCounters(registry);
    }

    /** The port {@code /metrics} answers on. */
    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        try {
            scope.close();
        } catch (ScopeCloseException e) {
            // the last report is lost with the process; nothing to release
        }
        registry.close();
    }
}
