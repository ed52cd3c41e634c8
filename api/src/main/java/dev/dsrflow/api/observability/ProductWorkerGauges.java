package dev.dsrflow.api.observability;

import dev.dsrflow.api.products.WorkerPresence;
import dev.dsrflow.product.ProductCatalog;
import dev.dsrflow.product.ProductSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code dsrflow_product_worker_online{product}}: 1 when Temporal sees a worker polling an
 * automated product's task queue, as {@code GET /v1/products} reports it. Manual products have
 * no worker and no series.
 */
@Context
@Requires(beans = MeterRegistry.class)
class ProductWorkerGauges {
    private static final Logger LOG = LoggerFactory.getLogger(ProductWorkerGauges.class);
    private final ProductCatalog catalog;
    private final WorkerPresence presence;
    private final GaugeFamily online;
    private final ScheduledFuture<?> refresh;

    ProductWorkerGauges(
            ProductCatalog catalog,
            WorkerPresence presence,
            MeterRegistry registry,
            ObservabilitySettings settings,
            @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.catalog = catalog;
        this.presence = presence;
        this.online = new GaugeFamily(
                registry,
                "dsrflow.product.worker.online",
                null,
                "1 when a worker polls the product's task queue, else 0 (automated products)");
        this.refresh = scheduler.scheduleWithFixedDelay(Duration.ZERO, settings.refreshInterval(), this::refresh);
    }

    @PreDestroy
    void stop() {
        refresh.cancel(false);
    }

    private void refresh() {
        try {
            online.set(presence());
        } catch (RuntimeException e) {
            LOG.warn("product worker gauges: {}", e.toString());
        }
    }

    private Map<Tags, Long> presence() {
        Map<Tags, Long> values = new HashMap<>();
        for (ProductSettings product : catalog.all()) {
            if (product.descriptor().automated()) {
                values.put(Tags.of("product", product.id()), presence.online(product.id()) ? 1L : 0L);
            }
        }
        return values;
    }
}
