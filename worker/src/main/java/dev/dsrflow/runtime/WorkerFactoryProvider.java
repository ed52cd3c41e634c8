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
            @Value("${dsrflow.worker.workflow-cache-size:600}") int workflowCacheSize,
            @Value("${dsrflow.worker.max-workflow-threads:2400}") int maxWorkflowThreads) {
        // metrics per product and tracing, when on (api/observability); the sticky cache bounds what a
        // worker holds of the workflows it runs (their state and threads), however many wait in Temporal.
        // A cached request holds one workflow thread per product it is driving (ProductFanOut), so a
        // step over 64 products with 32 requests in flight needs ~2,100: with the SDK's 600 the pool
        // ran out, workflow tasks were rejected and timed out, and throughput at N=64 fell to 0.36 x.
        // An idle thread costs its stack, committed as used; the bound stays, so a burst beyond it
        // still degrades (tasks retried) instead of exhausting the process.
        return WorkerFactory.newInstance(
                client,
                WorkerFactoryOptions.newBuilder()
                        .setWorkerInterceptors(interceptors.toArray(WorkerInterceptor[]::new))
                        .setWorkflowCacheSize(workflowCacheSize)
                        .setMaxWorkflowThreadCount(Math.max(workflowCacheSize, maxWorkflowThreads))
                        .build());
    }
}
