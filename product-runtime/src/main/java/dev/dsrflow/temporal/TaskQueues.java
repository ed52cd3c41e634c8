package dev.dsrflow.temporal;

/** The one place that names dsrflow's task queues. */
public final class TaskQueues {
    /** Workflows and orchestrator-side activities (ledger, packaging, notification). */
    public static final String ORCHESTRATOR = "dsr-orchestrator";

    private static final String PRODUCT_PREFIX = "dsr-product-";

    private TaskQueues() {}

    /** The task queue a product's worker polls. */
    public static String product(String productId) {
        return PRODUCT_PREFIX + productId;
    }

    /** The product whose task queue this is, or null for any other queue. */
    public static String productOf(String taskQueue) {
        return taskQueue != null && taskQueue.startsWith(PRODUCT_PREFIX)
                ? taskQueue.substring(PRODUCT_PREFIX.length())
                : null;
    }
}
