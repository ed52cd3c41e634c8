package dev.dsrflow.productworker.example;

import dev.dsrflow.catalogue.InformationCategory;
import dev.dsrflow.conformance.ProductHandlerConformanceKit;
import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.product.ProductHandler;
import java.time.Instant;
import java.util.List;

/** The example product proves its handler with the conformance kit: three hooks, no more. */
class LoyaltyPointsConformanceTest extends ProductHandlerConformanceKit {
    private static final LoyaltyStore BACKEND = new LoyaltyStore();

    @Override
    public ProductHandler handler() {
        return new LoyaltyPointsHandler(BACKEND);
    }

    @Override
    public void seed(SubjectIdentifiers subject, InformationCategory category, List<Instant> createdAt) {
        createdAt.forEach(at -> BACKEND.earn(subject.userId(), subject.email(), subject.phone(), at, 50, "purchase"));
    }

    @Override
    public long visibleItems(SubjectIdentifiers subject) {
        return BACKEND.findMember(subject.userId(), null, null)
                .map(BACKEND::shown)
                .orElse(0L);
    }
}
