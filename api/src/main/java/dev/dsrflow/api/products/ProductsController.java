package dev.dsrflow.api.products;

import dev.dsrflow.api.security.Roles;
import dev.dsrflow.product.ProductCatalog;
import dev.dsrflow.product.ProductDescriptor;
import dev.dsrflow.temporal.TaskQueues;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/** The product catalogue with each product's worker presence. */
@Controller("/v1/products")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.PRIVACY_OPS, Roles.LEGAL, Roles.AUDITOR, Roles.PRODUCT})
@Tag(name = "products")
class ProductsController {
    private final ProductCatalog catalog;
    private final WorkerPresence presence;

    ProductsController(ProductCatalog catalog, WorkerPresence presence) {
        this.catalog = catalog;
        this.presence = presence;
    }

    @Get
    @Operation(summary = "Registered products, in configuration order, and whether each one's worker is online")
    List<ProductView> list() {
        return catalog.all().stream()
                .map(s -> {
                    ProductDescriptor d = s.descriptor();
                    return new ProductView(
                            d.id(),
                            d.displayName(),
                            d.categories().stream().sorted().toList(),
                            d.capabilities().stream().sorted().toList(),
                            d.automated(),
                            TaskQueues.product(d.id()),
                            presence.online(d.id()));
                })
                .toList();
    }
}
