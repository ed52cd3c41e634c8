package dev.dsrflow.runtime;

import dev.dsrflow.blob.BlobStore;
import dev.dsrflow.demo.DemoProducts;
import dev.dsrflow.product.ProductCatalog;
import dev.dsrflow.product.ProductHandler;
import dev.dsrflow.product.ProductSettings;
import dev.dsrflow.productworker.ProductWorkers;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.temporal.worker.WorkerFactory;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the demo products' workers: their schemas are created and seeded once in the configured
 * database, then each automated product's handler polls its own task queue with the settings
 * of the product registry. The manual product has no worker: its tasks wait for an operator.
 */
@Context
@Requires(property = "dsrflow.product-workers.enabled", value = "true")
@Requires(property = "dsrflow.demo.enabled", value = "true")
final class DemoProductWorkers {
    private static final Logger LOG = LoggerFactory.getLogger(DemoProductWorkers.class);

    DemoProductWorkers(
            WorkerFactory factory,
            DataSource db,
            BlobStore blobs,
            ProductCatalog catalog,
            @Nullable @Value("${dsrflow.product-workers.products:}") List<String> only) {
        List<String> selected = only == null
                ? List.of()
                : only.stream().filter(s -> !s.isBlank()).toList();
        DemoProducts.install(db);
        int started = 0;
        for (ProductHandler handler : DemoProducts.all(db)) {
            String id = handler.descriptor().id();
            if (!handler.descriptor().automated() || (!selected.isEmpty() && !selected.contains(id))) {
                continue;
            }
            ProductSettings settings =
                    catalog.find(id).orElseGet(() -> ProductWorkers.defaultSettings(handler.descriptor()));
            ProductWorkers.register(factory, handler, settings, blobs);
            started++;
        }
        LOG.info("{} demo product worker(s) registered", started);
    }
}
