package dev.dsrflow.demo;

import dev.dsrflow.conformance.ForwardingHandler;
import dev.dsrflow.product.ErasureReport;
import dev.dsrflow.product.ProductHandler;
import dev.dsrflow.product.ProductScope;
import dev.dsrflow.product.Progress;
import dev.dsrflow.product.SubjectRef;

/**
 * A deliberately broken fixture: messaging with an erase that ignores the date range. Not a
 * test by itself (the name keeps Surefire away); {@link ConformanceKitCatchesBrokenHandlersTest}
 * runs it on purpose.
 */
class MessagingWithDateBlindErase extends DemoProductConformance {
    MessagingWithDateBlindErase() {
        super("messaging");
    }

    @Override
    public ProductHandler handler() {
        return new ForwardingHandler(super::handler) {
            @Override
            public ErasureReport erase(SubjectRef subject, ProductScope scope, Progress progress) {
                return super.erase(subject, new ProductScope(scope.categories(), null), progress);
            }
        };
    }
}
