package dev.dsrflow.workflow.lifecycle;

import dev.dsrflow.model.ProductTaskStatus;
import dev.dsrflow.product.Capability;
import dev.dsrflow.product.ProductCatalog;
import dev.dsrflow.product.ProductSettings;
import java.time.Instant;
import java.util.Optional;

/** Creates a request's product tasks: PENDING when automated for the step, MANUAL otherwise. */
public final class RequestSetup {
    private RequestSetup() {}

    /** Adds one task per product of the spec, in order, as the catalogue the request recorded says. */
    public static void addProducts(RequestState state, ProductCatalog catalog, Capability needed, Instant at) {
        for (String product : state.spec().products()) {
            Optional<ProductSettings> settings = catalog.find(product);
            if (settings.isEmpty()) {
                state.addProduct(
                        product,
                        ProductTaskStatus.MANUAL,
                        at,
                        "not in the product catalogue recorded at filing: needs an operator");
            } else if (!automated(settings.get(), needed)) {
                state.addProduct(
                        product, ProductTaskStatus.MANUAL, at, "no automated " + needed + ": needs an operator");
            } else {
                state.addProduct(product, ProductTaskStatus.PENDING, at, null);
            }
        }
    }

    /** Whether the product's handler automates this capability. */
    public static boolean automated(ProductSettings settings, Capability needed) {
        return settings.descriptor().automated()
                && settings.descriptor().capabilities().contains(needed);
    }
}
