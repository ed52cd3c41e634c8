package dev.dsrflow.bench;

import dev.dsrflow.catalogue.InformationCategory;
import dev.dsrflow.model.ExportFormat;
import dev.dsrflow.product.Capability;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A product that holds nothing and answers every call at once: the benchmark's cost floor. */
final class NoopProductHandler implements ProductHandler {
    /** The categories a bench product declares. */
    static final Set<InformationCategory> CATEGORIES = Set.of(InformationCategory.PROFILE);
    /** Everything is automated. */
    static final Set<Capability> CAPABILITIES = EnumSet.complementOf(EnumSet.of(Capability.RESOLVE));

    private final ProductDescriptor descriptor;

    /** Declares a no-op product {@code id} in the product registry's configuration. */
    static void declare(Map<String, Object> properties, String id) {
        String p = "dsrflow.products." + id + ".";
        properties.put(p + "display-name", "Benchmark no-op " + id);
        properties.put(p + "categories", CATEGORIES.stream().map(Enum::name).toList());
        properties.put(p + "capabilities", CAPABILITIES.stream().map(Enum::name).toList());
    }

    NoopProductHandler(String id) {
        this.descriptor = new ProductDescriptor(id, "Benchmark no-op " + id, CATEGORIES, CAPABILITIES, true, "bench-1");
    }

    @Override
    public ProductDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Inventory locate(SubjectRef subject, ProductScope scope) {
        return new Inventory(List.of());
    }

    @Override
    public ExportManifest export(
            SubjectRef subject, ProductScope scope, ExportFormat format, ExportSink sink, Progress progress) {
        return new ExportManifest(List.of());
    }

    @Override
    public long restrict(SubjectRef subject, ProductScope scope) {
        return 0;
    }

    @Override
    public long unrestrict(SubjectRef subject, ProductScope scope) {
        return 0;
    }

    @Override
    public ErasureReport erase(SubjectRef subject, ProductScope scope, Progress progress) {
        return new ErasureReport(Map.of());
    }

    @Override
    public VerificationReport verifyErased(SubjectRef subject, ProductScope scope) {
        return new VerificationReport(0);
    }

    @Override
    public PreservationReceipt preserve(SubjectRef subject, ProductScope scope, String holdId) {
        return new PreservationReceipt(holdId, 0, "", 0);
    }

    @Override
    public long release(SubjectRef subject, String holdId) {
        return 0;
    }
}
