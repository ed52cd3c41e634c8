package dev.dsrflow.temporal;

/**
 * Product workers running in this very process (the one-command default runtime). Consulted
 * only when Temporal cannot describe task queues (its Java test server answers UNIMPLEMENTED);
 * the runtime binds it to its worker factory. A real cluster needs no such bean.
 */
public interface LocalWorkers {
    /** Whether a started worker in this process polls the task queue. */
    boolean polls(String taskQueue);
}
