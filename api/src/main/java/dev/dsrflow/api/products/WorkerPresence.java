package dev.dsrflow.api.products;

import dev.dsrflow.temporal.LocalWorkers;
import dev.dsrflow.temporal.TaskQueues;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.temporal.api.enums.v1.TaskQueueType;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a product's worker polls its task queue (activity pollers seen by Temporal), cached
 * for a few seconds so a busy dashboard does not hammer the frontend.
 */
@Singleton
public class WorkerPresence {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerPresence.class);

    private record Seen(boolean online, Instant at) {}

    private final WorkflowServiceStubs stubs;
    private final LocalWorkers localWorkers;
    private final String namespace;
    private final Duration ttl;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Seen> cache = new ConcurrentHashMap<>();

    WorkerPresence(
            WorkflowServiceStubs stubs,
            WorkflowClient client,
            @Nullable LocalWorkers localWorkers,
            @Value("${dsrflow.api.worker-presence-ttl:5s}") Duration ttl) {
        this.stubs = stubs;
        this.localWorkers = localWorkers;
        this.namespace = client.getOptions().getNamespace();
        this.ttl = ttl;
    }

    /** Whether a worker polled this product's task queue lately (cached for the configured ttl). */
    public boolean online(String productId) {
        Instant now = clock.instant();
        Seen seen = cache.get(productId);
        if (seen == null || seen.at().plus(ttl).isBefore(now)) {
            seen = new Seen(poll(productId), now);
            cache.put(productId, seen);
        }
        return seen.online();
    }

    private boolean poll(String productId) {
        String queue = TaskQueues.product(productId);
        try {
            return stubs.blockingStub()
                            .withDeadlineAfter(2, TimeUnit.SECONDS)
                            .describeTaskQueue(DescribeTaskQueueRequest.newBuilder()
                                    .setNamespace(namespace)
                                    .setTaskQueue(TaskQueue.newBuilder()
                                            .setName(queue)
                                            .build())
                                    .setTaskQueueType(TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY)
                                    .build())
                            .getPollersCount()
                    > 0;
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED && localWorkers != null) {
                return localWorkers.polls(queue);
            }
            LOG.debug(
                    "cannot describe the task queue of product {}: {}",
                    productId,
                    e.getStatus().getCode());
            return false;
        } catch (RuntimeException e) {
            LOG.debug("cannot describe the task queue of product {}: {}", productId, e.toString());
            return false;
        }
    }
}
