package dev.dsrflow.productworker.example;

import dev.dsrflow.productworker.ProductWorkerApp;

/**
 * Starts the loyalty product's worker: it polls {@code dsr-product-loyalty} on the Temporal
 * cluster at {@code TEMPORAL_ADDRESS}, with payloads encrypted under {@code DSRFLOW_CODEC_KEYS}.
 */
public final class LoyaltyPointsWorker {
    private LoyaltyPointsWorker() {}

    public static void main(String[] args) {
        LoyaltyStore backend = new LoyaltyStore();
        ProductWorkerApp.forHandler(new LoyaltyPointsHandler(backend)).run();
    }
}
