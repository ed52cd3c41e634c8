package dev.dsrflow.demo;

import dev.dsrflow.conformance.ForwardingHandler;
import dev.dsrflow.product.ErasureReport;
import dev.dsrflow.product.ProductHandler;
import dev.dsrflow.product.ProductScope;
import dev.dsrflow.product.Progress;
import dev.dsrflow.product.SubjectRef;
import java.util.Set;

/**
 * A deliberately broken fixture: content with an erase that ignores the category scope (a
 * request to delete posts also deletes reactions). Run only by
 * {@link ConformanceKitCatchesBrokenHandlersTest}.
 */
class ContentWithCategoryBlindErase extends DemoProductConformance {
    ContentWithCategoryBlindErase() {
        super("content");
    }

    @Override
    public ProductHandler handler() {
        return new ForwardingHandler(super::handler) {
            @Override
            public ErasureReport erase(SubjectRef subject, ProductScope scope, Progress progress) {
                return super.erase(subject, new ProductScope(Set.of(), scope.dateRange()), progress);
            }
        };
    }
}
