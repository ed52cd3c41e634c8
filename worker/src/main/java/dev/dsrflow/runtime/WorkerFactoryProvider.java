package dev.dsrflow.runtime;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.WorkerFactory;
import jakarta.inject.Singleton;

/** The process's one Temporal worker factory; workers register on it, {@link WorkerLifecycle} starts it. */
@Factory
class WorkerFactoryProvider {

    @Singleton
    @Bean(preDestroy = "shutdown")
    @Requires(condition = AnyWorkerEnabled.class)
    WorkerFactory workerFactory(WorkflowClient client) {
        return WorkerFactory.newInstance(client);
    }
}
