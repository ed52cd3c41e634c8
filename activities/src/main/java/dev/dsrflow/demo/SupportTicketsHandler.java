package dev.dsrflow.demo;

import dev.dsrflow.catalogue.InformationCategory;
import dev.dsrflow.model.ExportFormat;
import dev.dsrflow.product.ErasureReport;
import dev.dsrflow.product.ExportManifest;
import dev.dsrflow.product.ExportSink;
import dev.dsrflow.product.Inventory;
import dev.dsrflow.product.PermanentHandlerException;
import dev.dsrflow.product.PreservationReceipt;
import dev.dsrflow.product.ProductDescriptor;
import dev.dsrflow.product.ProductHandler;
import dev.dsrflow.product.ProductScope;
import dev.dsrflow.product.Progress;
import dev.dsrflow.product.SubjectRef;
import dev.dsrflow.product.VerificationReport;
import java.util.Set;

/**
 * Support tickets live in a vendor's system with no API: the product is declared manual, so
 * the orchestrator makes its tasks wait for an operator. Should a call reach it anyway, it
 * fails permanently with {@code MANUAL_PRODUCT}.
 */
public final class SupportTicketsHandler implements ProductHandler {
    public static final String REASON = "MANUAL_PRODUCT";

    static final ProductDescriptor DESCRIPTOR = new ProductDescriptor(
            "support-tickets",
            "Support tickets (vendor system)",
            Set.of(InformationCategory.PROFILE, InformationCategory.MESSAGES),
            Set.of(),
            false,
            DemoProducts.HANDLER_VERSION);

    @Override
    public ProductDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Inventory locate(SubjectRef subject, ProductScope scope) {
        throw manual("locate");
    }

    @Override
    public ExportManifest export(
            SubjectRef subject, ProductScope scope, ExportFormat format, ExportSink sink, Progress progress) {
        throw manual("export");
    }

    @Override
    public long restrict(SubjectRef subject, ProductScope scope) {
        throw manual("restrict");
    }

    @Override
    public long unrestrict(SubjectRef subject, ProductScope scope) {
        throw manual("unrestrict");
    }

    @Override
    public ErasureReport erase(SubjectRef subject, ProductScope scope, Progress progress) {
        throw manual("erase");
    }

    @Override
    public VerificationReport verifyErased(SubjectRef subject, ProductScope scope) {
        throw manual("verify");
    }

    @Override
    public PreservationReceipt preserve(SubjectRef subject, ProductScope scope, String holdId) {
        throw manual("preserve");
    }

    @Override
    public long release(SubjectRef subject, String holdId) {
        throw manual("release");
    }

    private static PermanentHandlerException manual(String step) {
        return new PermanentHandlerException(
                REASON,
                "support tickets are kept in a vendor system with no API: an operator must " + step + " them by hand");
    }
}
