package dev.dsrflow.runtime;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.temporal.client.WorkflowClient;
import io.temporal.common.interceptors.WorkerInterceptor;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import jakarta.inject.Singleton;
import java.util.List;

/** The process's one Temporal worker factory; workers register on it, {@link WorkerLifecycle} starts it. */
@Factory
class WorkerFactoryProvider {

    @Singleton
    @Bean(preDestroy = "shutdown")
    @Requires(condition = AnyWorkerEnabled.class)
    WorkerFactory workerFactory(
            WorkflowClient client,
            List<WorkerInterceptor> interceptors,
            @Value("${dsrflow.worker.workflow-cache-size:600}") int workflowCacheSize) {
        // metrics per product and tracing, when on (api/observability); the sticky cache bounds what a
        // worker holds of the workflows it runs (their state and threads), however many wait in Temporal
        return WorkerFactory.newInstance(
                client,
                WorkerFactoryOptions.newBuilder()
                        .setWorkerInterceptors(interceptors.toArray(WorkerInterceptor[]::new))
                        .setWorkflowCacheSize(workflowCacheSize)
                        .setMaxWorkflowThreadCount(Math.max(workflowCacheSize, 600))
                        .build());
    }
}
