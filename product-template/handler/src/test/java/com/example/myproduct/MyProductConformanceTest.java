package com.example.myproduct;

import dev.dsrflow.catalogue.InformationCategory;
import dev.dsrflow.conformance.ProductHandlerConformanceKit;
import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.product.ProductHandler;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Proves {@link MyProductHandler} keeps the contract: run {@code mvn test}. Each rule the descriptor
 * calls for runs; the others are reported as skipped, with the reason.
 *
 * <p>Replace the placeholder store below with your product's own store (an embedded database, a
 * test container, an in-memory fake of your backend): {@link #seed} writes a subject's items where
 * your handler reads them, {@link #visibleItems} is your product's normal read.
 */
class MyProductConformanceTest extends ProductHandlerConformanceKit {
    /** Placeholder: items seeded per subject user id. Your handler never sees it; replace it. */
    private static final Map<String, Long> SEEDED = new ConcurrentHashMap<>();

    @Override
    public ProductHandler handler() {
        return new MyProductHandler();
    }

    @Override
    public void seed(SubjectIdentifiers subject, InformationCategory category, List<Instant> createdAt) {
        SEEDED.merge(subject.userId(), (long) createdAt.size(), Long::sum);
    }

    @Override
    public long visibleItems(SubjectIdentifiers subject) {
        return SEEDED.getOrDefault(subject.userId(), 0L);
    }
}
