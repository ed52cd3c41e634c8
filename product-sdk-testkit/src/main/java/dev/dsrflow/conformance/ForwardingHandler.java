package dev.dsrflow.conformance;

import dev.dsrflow.model.ExportFormat;
import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.product.ErasureReport;
import dev.dsrflow.product.ExportManifest;
import dev.dsrflow.product.ExportSink;
import dev.dsrflow.product.Inventory;
import dev.dsrflow.product.PreservationReceipt;
import dev.dsrflow.product.ProductDescriptor;
import dev.dsrflow.product.ProductHandler;
import dev.dsrflow.product.ProductScope;
import dev.dsrflow.product.Progress;
import dev.dsrflow.product.SubjectRef;
import dev.dsrflow.product.VerificationReport;
import java.util.List;
import java.util.function.Supplier;

/**
 * A handler that forwards every call to another; tests override the one call they disturb
 * (a simulated outage, a deliberately broken rule).
 */
public class ForwardingHandler implements ProductHandler {
    private final Supplier<ProductHandler> real;

    public ForwardingHandler(Supplier<ProductHandler> real) {
        this.real = real;
    }

    @Override
    public ProductDescriptor descriptor() {
        return real.get().descriptor();
    }

    @Override
    public Inventory locate(SubjectRef subject, ProductScope scope) {
        return real.get().locate(subject, scope);
    }

    @Override
    public ExportManifest export(
            SubjectRef subject, ProductScope scope, ExportFormat format, ExportSink sink, Progress progress) {
        return real.get().export(subject, scope, format, sink, progress);
    }

    @Override
    public long restrict(SubjectRef subject, ProductScope scope) {
        return real.get().restrict(subject, scope);
    }

    @Override
    public long unrestrict(SubjectRef subject, ProductScope scope) {
        return real.get().unrestrict(subject, scope);
    }

    @Override
    public ErasureReport erase(SubjectRef subject, ProductScope scope, Progress progress) {
        return real.get().erase(subject, scope, progress);
    }

    @Override
    public VerificationReport verifyErased(SubjectRef subject, ProductScope scope) {
        return real.get().verifyErased(subject, scope);
    }

    @Override
    public PreservationReceipt preserve(SubjectRef subject, ProductScope scope, String holdId) {
        return real.get().preserve(subject, scope, holdId);
    }

    @Override
    public long release(SubjectRef subject, String holdId) {
        return real.get().release(subject, holdId);
    }

    @Override
    public List<SubjectIdentifiers> resolve(SubjectRef subject) {
        return real.get().resolve(subject);
    }
}
