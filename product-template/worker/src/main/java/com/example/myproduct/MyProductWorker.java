package com.example.myproduct;

import dev.dsrflow.productworker.ProductWorkerApp;

/**
 * The process you deploy: polls {@code dsr-product-my-product} on the Temporal cluster at
 * {@code TEMPORAL_ADDRESS}, with payloads encrypted under {@code DSRFLOW_CODEC_KEYS}, staging
 * exports under {@code DSRFLOW_BLOB_DIR}.
 */
public final class MyProductWorker {
    private MyProductWorker() {}

    public static void main(String[] args) {
        ProductWorkerApp.forHandler(new MyProductHandler()).run();
    }
}
