package dev.dsrflow.product;

import java.time.Duration;

/**
 * How the orchestrator calls one product: the descriptor plus timeouts, retries and the rate
 * limit that protects the product's backend. Declared in configuration per product.
 *
 * @param descriptor what the product is
 * @param startToCloseTimeout longest a single attempt may run
 * @param heartbeatTimeout longest an attempt may stay silent before it is retried elsewhere
 * @param maxAttempts attempts before the product's task becomes FAILED for an operator
 * @param initialRetryInterval first backoff; doubles up to ten times that
 * @param maxTasksPerSecond task-queue rate limit for the product's workers (0: none)
 */
public record ProductSettings(
        ProductDescriptor descriptor,
        Duration startToCloseTimeout,
        Duration heartbeatTimeout,
        int maxAttempts,
        Duration initialRetryInterval,
        double maxTasksPerSecond) {

    public String id() {
        return descriptor.id();
    }
}
