package dev.dsrflow.productworker;

import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.worker.WorkerFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A started product worker; closing it lets running tasks finish, then disconnects. */
public final class RunningProductWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RunningProductWorker.class);

    private final String product;
    private final WorkerFactory factory;
    private final WorkflowServiceStubs ownStubs;
    private final WorkerMetrics metrics;

    RunningProductWorker(String product, WorkerFactory factory, WorkflowServiceStubs ownStubs, WorkerMetrics metrics) {
        this.product = product;
        this.factory = factory;
        this.ownStubs = ownStubs;
        this.metrics = metrics;
    }

    /** The port the worker's {@code /metrics} answers on, when it serves them. */
    public java.util.OptionalInt metricsPort() {
        return metrics == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(metrics.port());
    }

    /** The product this worker serves. */
    public String product() {
        return product;
    }

    @Override
    public void close() {
        factory.shutdown();
        factory.awaitTermination(30, TimeUnit.SECONDS);
        if (ownStubs != null) {
            ownStubs.shutdown();
        }
        if (metrics != null) {
            metrics.close();
        }
        log.info("product worker for {} stopped", product);
    }
}
