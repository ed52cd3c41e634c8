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
        // A cached request used to hold one workflow thread per product it drove, and with the SDK's
        // 600 the pool ran out at 64 products x 32 requests (tasks rejected, throughput 0.36 x). Products
        // are now scheduled as promises (ProductFanOut), so a request holds one thread, plus one per
        // product an operator retries or a hold defers; the headroom stays for those. An idle thread
        // costs its stack; the bound stays, so a burst beyond it degrades instead of exhausting the process.
        return WorkerFactory.newInstance(
                client,
                WorkerFactoryOptions.newBuilder()
                        .setWorkerInterceptors(interceptors.toArray(WorkerInterceptor[]::new))
                        .setWorkflowCacheSize(workflowCacheSize)
                        .setMaxWorkflowThreadCount(Math.max(workflowCacheSize, maxWorkflowThreads))
                        .build());
    }
}
