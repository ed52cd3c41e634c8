package dev.dsrflow.product;

import dev.dsrflow.catalogue.InformationCategory;
import java.util.Set;

/**
 * Describes a product to the orchestrator.
 *
 * @param id stable product id, also the task-queue suffix ({@code dsr-product-<id>})
 * @param displayName human name
 * @param categories the information categories the product holds
 * @param capabilities what the handler automates
 * @param automated false for a product with no API: its tasks wait for an operator
 * @param handlerVersion version of the handler code, recorded in certificates
 */
public record ProductDescriptor(
        String id,
        String displayName,
        Set<InformationCategory> categories,
        Set<Capability> capabilities,
        boolean automated,
        String handlerVersion) {

    public ProductDescriptor {
        if (id == null || !id.matches("[a-z][a-z0-9-]{1,40}")) {
            throw new IllegalArgumentException("product id must match [a-z][a-z0-9-]{1,40}: " + id);
        }
        categories = Set.copyOf(categories);
        capabilities = Set.copyOf(capabilities);
    }
}
