package dev.dsrflow.demo;

import dev.dsrflow.product.ProductDescriptor;
import java.util.List;

/**
 * The definition of one demo product: its descriptor, its PostgreSQL schema and the item
 * tables (in erase order) whose Flyway migrations live under {@code db/products/<id>}.
 */
public record DemoProduct(ProductDescriptor descriptor, List<ItemTable> tables) {
    public DemoProduct {
        tables = List.copyOf(tables);
    }

    public String id() {
        return descriptor.id();
    }

    /** The product's own schema, e.g. {@code product_device_telemetry}. */
    public String schema() {
        return "product_" + id().replace('-', '_');
    }

    /** Flyway locations: the shared accounts/holds tables, then the product's own. */
    List<String> migrationLocations() {
        return List.of("classpath:db/products/common", "classpath:db/products/" + id());
    }
}
