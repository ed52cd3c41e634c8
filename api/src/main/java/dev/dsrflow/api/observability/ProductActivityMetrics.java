package dev.dsrflow.api.observability;

import dev.dsrflow.product.activity.ProductActivityCounters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * The product activity counters ({@code dsrflow_product_attempts_total},
 * {@code dsrflow_product_retries_total}) on every worker of this process, in its registry.
 */
@Singleton
@Requires(beans = MeterRegistry.class)
class ProductActivityMetrics extends ProductActivityCounters {
    ProductActivityMetrics(MeterRegistry registry) {
        super(registry);
    }
}
