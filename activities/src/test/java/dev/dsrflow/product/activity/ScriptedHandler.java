package dev.dsrflow.product.activity;

import dev.dsrflow.model.ExportFormat;
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
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** A handler whose behaviour each adapter test scripts; it counts the calls it receives. */
final class ScriptedHandler implements ProductHandler {
    interface ExportScript {
        ExportManifest run(ExportSink sink) throws IOException;
    }

    interface EraseScript {
        ErasureReport run(Progress progress);
    }

    private final ProductDescriptor descriptor;
    volatile ExportScript onExport = sink -> new ExportManifest(List.of());
    volatile EraseScript onErase = progress -> new ErasureReport(Map.of());
    volatile long released;
    volatile String lastHoldId;
    volatile int calls;

    ScriptedHandler(ProductDescriptor descriptor) {
        this.descriptor = descriptor;
    }

    @Override
    public ProductDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Inventory locate(SubjectRef subject, ProductScope scope) {
        calls++;
        return new Inventory(List.of());
    }

    @Override
    public ExportManifest export(
            SubjectRef subject, ProductScope scope, ExportFormat format, ExportSink sink, Progress progress) {
        calls++;
        try {
            return onExport.run(sink);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public long restrict(SubjectRef subject, ProductScope scope) {
        calls++;
        return 0;
    }

    @Override
    public long unrestrict(SubjectRef subject, ProductScope scope) {
        calls++;
        return 0;
    }

    @Override
    public ErasureReport erase(SubjectRef subject, ProductScope scope, Progress progress) {
        calls++;
        return onErase.run(progress);
    }

    @Override
    public VerificationReport verifyErased(SubjectRef subject, ProductScope scope) {
        calls++;
        return new VerificationReport(0);
    }

    @Override
    public PreservationReceipt preserve(SubjectRef subject, ProductScope scope, String holdId) {
        calls++;
        lastHoldId = holdId;
        return new PreservationReceipt(holdId, 0, "", 0);
    }

    @Override
    public long release(SubjectRef subject, String holdId) {
        calls++;
        lastHoldId = holdId;
        return released;
    }
}
