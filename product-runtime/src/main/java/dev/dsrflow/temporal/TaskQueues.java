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
}
