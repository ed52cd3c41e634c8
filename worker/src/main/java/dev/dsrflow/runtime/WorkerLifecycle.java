package dev.dsrflow.runtime;

import ch.qos.logback.classic.Level;
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
 * their polls end (up to ten seconds). A poll still open when the connection then closes fails
 * with UNAVAILABLE; at a stop that is the stop itself, so the poller's warning is not logged
 * then (it is, as a fault, while the process runs).
 */
@Singleton
@Requires(condition = AnyWorkerEnabled.class)
class WorkerLifecycle implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerLifecycle.class);
    /** The SDK's poller loop, which logs a failed poll as a warning. */
    private static final String POLLER = "io.temporal.internal.worker.BasePoller";

    private final WorkerFactory factory;

    WorkerLifecycle(WorkerFactory factory) {
        this.factory = factory;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        pollerFailures(null); // logged as configured (another runtime of this JVM may have stopped)
        factory.start();
        LOG.info("Temporal workers polling");
    }

    /** Runs before the factory and the connection are destroyed (they are this bean's dependencies). */
    @PreDestroy
    void stop() {
        pollerFailures(Level.ERROR);
        factory.shutdown();
        factory.awaitTermination(5, TimeUnit.SECONDS);
        if (!factory.isTerminated()) {
            factory.shutdownNow();
            factory.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static void pollerFailures(Level level) {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(POLLER)).setLevel(level);
    }
}
