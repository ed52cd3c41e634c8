package dev.dsrflow.runtime;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.temporal.worker.WorkerFactory;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts polling once every worker of the process is registered (all are eager beans), and
 * stops it before the Temporal connection closes: the workers finish the tasks they hold and
 * their polls end, so a stop leaves no poller failing on a closed channel.
 */
@Singleton
@Requires(condition = AnyWorkerEnabled.class)
class WorkerLifecycle implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerLifecycle.class);
    private final WorkerFactory factory;

    WorkerLifecycle(WorkerFactory factory) {
        this.factory = factory;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        factory.start();
        LOG.info("Temporal workers polling");
    }

    /** Runs before the factory and the connection are destroyed (they are this bean's dependencies). */
    @PreDestroy
    void stop() {
        factory.shutdown();
        factory.awaitTermination(5, TimeUnit.SECONDS);
        if (!factory.isTerminated()) {
            factory.shutdownNow();
            factory.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
