/**
 * The example for product teams (referenced from the README's "For product teams"): a
 * loyalty-points product adopting dsrflow in three files, using only {@code dsrflow-product-sdk},
 * {@code dsrflow-product-runtime} and, in its test, {@code dsrflow-product-sdk-testkit} (ArchUnit
 * checks it). docs/product-sdk.md explains every rule of the contract.
 *
 * <ol>
 *   <li>{@link dev.dsrflow.productworker.example.LoyaltyPointsHandler}: implement
 *       {@link dev.dsrflow.product.ProductHandler} over your own backend (here the in-memory
 *       {@link dev.dsrflow.productworker.example.LoyaltyStore}).
 *   <li>{@code LoyaltyPointsConformanceTest} (worker/src/test): extend
 *       {@code dev.dsrflow.conformance.ProductHandlerConformanceKit} from
 *       {@code dsrflow-product-sdk-testkit} with three hooks and run it:
 *       {@code mvn -pl worker -am verify -Dtest=LoyaltyPointsConformanceTest -Dsurefire.failIfNoSpecifiedTests=false}.
 *   <li>{@link dev.dsrflow.productworker.example.LoyaltyPointsWorker}: start the worker with
 *       {@link dev.dsrflow.productworker.ProductWorkerApp}, configured by {@code TEMPORAL_ADDRESS},
 *       {@code DSRFLOW_CODEC_KEYS} and {@code DSRFLOW_BLOB_DIR}.
 * </ol>
 *
 * Declare the product to the orchestrator too ({@code dsrflow.products.loyalty.*}), so requests
 * fan out to {@code dsr-product-loyalty}.
 */
package dev.dsrflow.productworker.example;
