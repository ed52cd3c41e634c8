package com.example.myproduct;

import dev.dsrflow.catalogue.InformationCategory;
import dev.dsrflow.model.ExportFormat;
import dev.dsrflow.product.Capability;
import dev.dsrflow.product.ErasureReport;
import dev.dsrflow.product.ExportManifest;
import dev.dsrflow.product.ExportSink;
import dev.dsrflow.product.IdentifierKind;
import dev.dsrflow.product.Inventory;
import dev.dsrflow.product.PreservationReceipt;
import dev.dsrflow.product.ProductDescriptor;
import dev.dsrflow.product.ProductHandler;
import dev.dsrflow.product.ProductScope;
import dev.dsrflow.product.Progress;
import dev.dsrflow.product.SubjectRef;
import dev.dsrflow.product.VerificationReport;
import java.util.EnumSet;
import java.util.Set;

/**
 * Your product's handler. Every method below compiles and throws until you implement it; the
 * conformance test ({@code MyProductConformanceTest}) fails one rule at a time, naming it, until the
 * handler keeps every promise the product declares. Read docs/product-sdk.md of dsrflow first.
 */
public final class MyProductHandler implements ProductHandler {
    /**
     * Declare what the product holds and does: the kit checks only the rules that apply. Drop a
     * capability you do not automate (its step then waits for an operator), an identifier kind you
     * do not store, and list the categories of the data map your data belongs to.
     */
    private static final ProductDescriptor DESCRIPTOR = new ProductDescriptor(
            "my-product",
            "My product",
            Set.of(InformationCategory.PROFILE, InformationCategory.ACTIVITY),
            EnumSet.complementOf(EnumSet.of(Capability.RESOLVE)),
            true,
            "0.1.0",
            EnumSet.of(IdentifierKind.USER_ID, IdentifierKind.EMAIL));

    @Override
    public ProductDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Inventory locate(SubjectRef subject, ProductScope scope) {
        throw new UnsupportedOperationException("not implemented yet: locate");
    }

    @Override
    public ExportManifest export(
            SubjectRef subject, ProductScope scope, ExportFormat format, ExportSink sink, Progress progress) {
        throw new UnsupportedOperationException("not implemented yet: export");
    }

    @Override
    public long restrict(SubjectRef subject, ProductScope scope) {
        throw new UnsupportedOperationException("not implemented yet: restrict");
    }

    @Override
    public long unrestrict(SubjectRef subject, ProductScope scope) {
        throw new UnsupportedOperationException("not implemented yet: unrestrict");
    }

    @Override
    public ErasureReport erase(SubjectRef subject, ProductScope scope, Progress progress) {
        throw new UnsupportedOperationException("not implemented yet: erase");
    }

    @Override
    public VerificationReport verifyErased(SubjectRef subject, ProductScope scope) {
        throw new UnsupportedOperationException("not implemented yet: verifyErased");
    }

    @Override
    public PreservationReceipt preserve(SubjectRef subject, ProductScope scope, String holdId) {
        throw new UnsupportedOperationException("not implemented yet: preserve");
    }

    @Override
    public long release(SubjectRef subject, String holdId) {
        throw new UnsupportedOperationException("not implemented yet: release");
    }
}
