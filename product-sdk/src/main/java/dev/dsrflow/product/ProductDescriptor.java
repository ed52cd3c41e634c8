package dev.dsrflow.product;

import dev.dsrflow.catalogue.InformationCategory;
import java.util.EnumSet;
import java.util.Set;

/**
 * Describes a product to the orchestrator and to the conformance kit, which checks only the
 * rules that apply to what is declared here.
 *
 * @param id stable product id, also the task-queue suffix ({@code dsr-product-<id>})
 * @param displayName human name
 * @param categories the information categories the product holds
 * @param capabilities what the handler automates
 * @param automated false for a product with no API: its tasks wait for an operator
 * @param handlerVersion version of the handler code, recorded in certificates
 * @param identifiers the kinds of identifier the product can find a subject by (null: all kinds)
 */
public record ProductDescriptor(
        String id,
        String displayName,
        Set<InformationCategory> categories,
        Set<Capability> capabilities,
        boolean automated,
        String handlerVersion,
        Set<IdentifierKind> identifiers) {

    public ProductDescriptor {
        if (id == null || !id.matches("[a-z][a-z0-9-]{1,40}")) {
            throw new IllegalArgumentException("product id must match [a-z][a-z0-9-]{1,40}: " + id);
        }
        categories = Set.copyOf(categories);
        capabilities = Set.copyOf(capabilities);
        identifiers = identifiers == null ? Set.copyOf(EnumSet.allOf(IdentifierKind.class)) : Set.copyOf(identifiers);
    }

    /** A product that finds subjects by every kind of identifier. */
    public ProductDescriptor(
            String id,
            String displayName,
            Set<InformationCategory> categories,
            Set<Capability> capabilities,
            boolean automated,
            String handlerVersion) {
        this(id, displayName, categories, capabilities, automated, handlerVersion, null);
    }
}
