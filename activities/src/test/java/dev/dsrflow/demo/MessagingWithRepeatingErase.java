package dev.dsrflow.demo;

import dev.dsrflow.conformance.ForwardingHandler;
import dev.dsrflow.product.ErasureReport;
import dev.dsrflow.product.ProductHandler;
import dev.dsrflow.product.ProductScope;
import dev.dsrflow.product.Progress;
import dev.dsrflow.product.SubjectRef;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A deliberately broken fixture: messaging with an erase that is not idempotent — it replays
 * the first report for a subject on every later call, as a cache of "what we erased" would.
 * Run only by {@link ConformanceKitCatchesBrokenHandlersTest}.
 */
class MessagingWithRepeatingErase extends DemoProductConformance {
    private static final Map<String, ErasureReport> FIRST_REPORTS = new ConcurrentHashMap<>();

    MessagingWithRepeatingErase() {
        super("messaging");
    }

    @Override
    public ProductHandler handler() {
        return new ForwardingHandler(super::handler) {
            @Override
            public ErasureReport erase(SubjectRef subject, ProductScope scope, Progress progress) {
                ErasureReport report = super.erase(subject, scope, progress);
                return FIRST_REPORTS.computeIfAbsent(subject.subjectKey() + scope, k -> report);
            }
        };
    }
}
