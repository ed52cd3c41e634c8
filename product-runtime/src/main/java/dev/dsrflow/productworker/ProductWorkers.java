package dev.dsrflow.productworker;

import dev.dsrflow.blob.BlobStore;
import dev.dsrflow.product.ProductDescriptor;
import dev.dsrflow.product.ProductHandler;
import dev.dsrflow.product.ProductSettings;
import dev.dsrflow.product.activity.ProductActivitiesImpl;
import dev.dsrflow.temporal.TaskQueues;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;

/**
 * Registers a product's handler on its task queue ({@code dsr-product-<id>}), wrapped in the
 * generic product activity, with the queue's rate limit from the product's settings. Use it
 * with any {@link WorkerFactory}: a plain {@code main} ({@link ProductWorkerApp}) or a
 * Micronaut bean.
 */
public final class ProductWorkers {
    private ProductWorkers() {}

    /** Creates the product's worker on {@code factory}; start the factory afterwards. */
    public static Worker register(
            WorkerFactory factory, ProductHandler handler, ProductSettings settings, BlobStore blobs) {
        return register(factory, handler, settings, blobs, 0);
    }

    /**
     * As {@link #register(WorkerFactory, ProductHandler, ProductSettings, BlobStore)}, with at most
     * {@code activityPollers} long polls on the product's queue (0: the SDK's default, five). One
     * process serving hundreds of product queues wants one each: every poll is a thread here and
     * a long poll the Temporal frontend counts against its per-namespace limit.
     */
    public static Worker register(
            WorkerFactory factory,
            ProductHandler handler,
            ProductSettings settings,
            BlobStore blobs,
            int activityPollers) {
        ProductDescriptor descriptor = handler.descriptor();
        if (!descriptor.id().equals(settings.id())) {
            throw new IllegalArgumentException(
                    "settings of product " + settings.id() + " given to the handler of " + descriptor.id());
        }
        WorkerOptions.Builder options = WorkerOptions.newBuilder();
        if (settings.maxTasksPerSecond() > 0) {
            options.setMaxTaskQueueActivitiesPerSecond(settings.maxTasksPerSecond());
        }
        if (activityPollers > 0) {
            options.setMaxConcurrentActivityTaskPollers(activityPollers);
        }
        Worker worker = factory.newWorker(TaskQueues.product(descriptor.id()), options.build());
        worker.registerActivitiesImplementations(new ProductActivitiesImpl(handler, blobs));
        return worker;
    }

    /**
     * Settings for a product that declares none: ten-minute attempts, a one-minute heartbeat
     * timeout, five attempts from a two-second backoff, ten tasks per second.
     */
    public static ProductSettings defaultSettings(ProductDescriptor descriptor) {
        return new ProductSettings(
                descriptor, Duration.ofMinutes(10), Duration.ofMinutes(1), 5, Duration.ofSeconds(2), 10);
    }
}
