package dev.dsrflow.conformance;

import dev.dsrflow.catalogue.InformationCategory;
import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.product.ProductHandler;
import java.time.Instant;
import java.util.List;

/** The kit on one in-memory product: the three hooks a team writes, over the product's own store. */
abstract class InMemoryKit extends ProductHandlerConformanceKit {
    private final InMemoryProduct product;

    InMemoryKit(InMemoryProduct product) {
        this.product = product;
    }

    @Override
    public ProductHandler handler() {
        return product;
    }

    @Override
    public void seed(SubjectIdentifiers subject, InformationCategory category, List<Instant> createdAt) {
        product.seed(subject, category, createdAt);
    }

    @Override
    public long visibleItems(SubjectIdentifiers subject) {
        return product.visible(subject);
    }
}
