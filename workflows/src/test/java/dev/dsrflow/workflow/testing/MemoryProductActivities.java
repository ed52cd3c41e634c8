package dev.dsrflow.workflow.testing;

import dev.dsrflow.blob.BlobStore;
import dev.dsrflow.packaging.StagedManifests;
import dev.dsrflow.product.PermanentHandlerException;
import dev.dsrflow.product.ProductHandler;
import dev.dsrflow.product.Progress;
import dev.dsrflow.product.activity.ProductActivities;
import dev.dsrflow.product.activity.ProductStep;
import dev.dsrflow.product.activity.ProductStepResult;
import dev.dsrflow.product.activity.ProductTask;
import dev.dsrflow.product.activity.ResolvedIdentifiers;
import dev.dsrflow.workflow.lifecycle.ProductStubs;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Test-only adapter from {@link ProductActivities} to one {@link ProductHandler} (the products
 * team ships the real one): exports go into the blob store under the task's staging prefix, a
 * permanent handler error becomes a non-retryable failure.
 */
public final class MemoryProductActivities implements ProductActivities {
    private final ProductHandler handler;
    private final BlobStore blobs;

    public MemoryProductActivities(ProductHandler handler, BlobStore blobs) {
        this.handler = handler;
        this.blobs = blobs;
    }

    @Override
    public ResolvedIdentifiers resolve(ProductTask t) {
        return new ResolvedIdentifiers(handler.resolve(t.subject()));
    }

    @Override
    public ProductStepResult locate(ProductTask t) {
        return run(ProductStep.LOCATE, () -> {
            var inv = handler.locate(t.subject(), t.scope());
            return result(t, ProductStep.LOCATE, inv.totalItems(), inv, null, null, null, null);
        });
    }

    @Override
    public ProductStepResult export(ProductTask t) {
        return run(ProductStep.EXPORT, () -> {
            var manifest = handler.export(
                    t.subject(),
                    t.scope(),
                    t.format(),
                    path -> blobs.create(t.stagingPrefix() + t.product() + "/" + path) /* as the real adapter's sink */,
                    progress());
            try {
                StagedManifests.write(blobs, t.requestId(), t.product(), manifest);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return result(t, ProductStep.EXPORT, manifest.totalItems(), null, manifest, null, null, null);
        });
    }

    @Override
    public ProductStepResult restrict(ProductTask t) {
        return run(
                ProductStep.RESTRICT,
                () -> result(
                        t,
                        ProductStep.RESTRICT,
                        handler.restrict(t.subject(), t.scope()),
                        null,
                        null,
                        null,
                        null,
                        null));
    }

    @Override
    public ProductStepResult unrestrict(ProductTask t) {
        return run(
                ProductStep.UNRESTRICT,
                () -> result(
                        t,
                        ProductStep.UNRESTRICT,
                        handler.unrestrict(t.subject(), t.scope()),
                        null,
                        null,
                        null,
                        null,
                        null));
    }

    @Override
    public ProductStepResult erase(ProductTask t) {
        return run(ProductStep.ERASE, () -> {
            var report = handler.erase(t.subject(), t.scope(), progress());
            return result(t, ProductStep.ERASE, report.total(), null, null, report, null, null);
        });
    }

    @Override
    public ProductStepResult verifyErased(ProductTask t) {
        return run(ProductStep.VERIFY, () -> {
            var report = handler.verifyErased(t.subject(), t.scope());
            return result(t, ProductStep.VERIFY, report.residual(), null, null, null, report, null);
        });
    }

    @Override
    public ProductStepResult preserve(ProductTask t) {
        return run(ProductStep.PRESERVE, () -> {
            var receipt = handler.preserve(t.subject(), t.scope(), t.holdId());
            return result(t, ProductStep.PRESERVE, receipt.items(), null, null, null, null, receipt);
        });
    }

    @Override
    public ProductStepResult release(ProductTask t) {
        return run(
                ProductStep.RELEASE,
                () -> result(
                        t,
                        ProductStep.RELEASE,
                        handler.release(t.subject(), t.holdId()),
                        null,
                        null,
                        null,
                        null,
                        null));
    }

    private ProductStepResult run(ProductStep step, Supplier<ProductStepResult> call) {
        try {
            return call.get();
        } catch (PermanentHandlerException e) {
            throw ApplicationFailure.newNonRetryableFailure(
                    e.reason() + ": " + e.getMessage(), ProductStubs.PERMANENT_FAILURE);
        }
    }

    private ProductStepResult result(
            ProductTask t,
            ProductStep step,
            long items,
            dev.dsrflow.product.Inventory inv,
            dev.dsrflow.product.ExportManifest export,
            dev.dsrflow.product.ErasureReport erasure,
            dev.dsrflow.product.VerificationReport verification,
            dev.dsrflow.product.PreservationReceipt receipt) {
        Instant now = Instant.now();
        return new ProductStepResult(
                t.product(),
                step,
                Activity.getExecutionContext().getInfo().getAttempt(),
                handler.descriptor().handlerVersion(),
                now,
                now,
                items,
                inv,
                export,
                erasure,
                verification,
                receipt);
    }

    private static Progress progress() {
        return new Progress() {
            @Override
            public void checkpoint(String cursor) {
                Activity.getExecutionContext().heartbeat(cursor);
            }

            @Override
            public Optional<String> resumeFrom() {
                return Activity.getExecutionContext().getHeartbeatDetails(String.class);
            }
        };
    }
}
