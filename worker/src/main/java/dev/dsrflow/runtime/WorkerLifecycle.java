package dev.dsrflow.runtime;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.temporal.worker.WorkerFactory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts polling once every worker of the process is registered (all are eager beans). */
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
}
