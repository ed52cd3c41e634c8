package dev.dsrflow.runtime;

import dev.dsrflow.temporal.LocalWorkers;
import io.micronaut.context.annotation.Requires;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import jakarta.inject.Singleton;

/**
 * Which task queues this process's own workers poll: the answer the API gives for
 * {@code workerOnline} in the one-JVM default, whose Temporal test server cannot describe task
 * queues. A suspended worker (polling stopped) counts as offline.
 */
@Singleton
@Requires(condition = AnyWorkerEnabled.class)
final class ProcessWorkers implements LocalWorkers {
    private final WorkerFactory factory;

    ProcessWorkers(WorkerFactory factory) {
        this.factory = factory;
    }

    @Override
    public boolean polls(String taskQueue) {
        Worker worker = factory.tryGetWorker(taskQueue);
        return worker != null && factory.isStarted() && !factory.isShutdown() && !worker.isSuspended();
    }
}
