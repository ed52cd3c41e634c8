package dev.dsrflow.workflow.download;

import dev.dsrflow.ledger.DownloadInfo;
import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.packaging.PackageInfo;
import dev.dsrflow.packaging.PackageRequest;
import dev.dsrflow.packaging.PackagingActivities;
import dev.dsrflow.packaging.ProductExport;
import dev.dsrflow.product.ExportManifest;
import dev.dsrflow.product.ProductSettings;
import dev.dsrflow.product.activity.ProductStep;
import dev.dsrflow.workflow.lifecycle.CancelRule;
import dev.dsrflow.workflow.lifecycle.OrchestratorStubs;
import dev.dsrflow.workflow.lifecycle.ProductBatches;
import dev.dsrflow.workflow.lifecycle.ProductTaskState;
import dev.dsrflow.workflow.lifecycle.RequestWorkflowBase;
import dev.dsrflow.workflow.lifecycle.StepContext;
import dev.dsrflow.workflow.lifecycle.WorkflowClock;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;

/** Export fan-out, packaging, signed link (the package is purged at expiry by {@code PackageExpiry}). */
public final class DownloadWorkflowImpl extends RequestWorkflowBase implements DownloadWorkflow {
    private final PackagingActivities packaging =
            OrchestratorStubs.regular(PackagingActivities.class, Duration.ofMinutes(30));

    public DownloadWorkflowImpl(RequestSpec spec) {
        super(spec, ProductStep.EXPORT, CancelRule.BEFORE_COMPLETION);
    }

    @Override
    public void run(RequestSpec spec) {
        if (!identityVerified()) {
            return;
        }
        state.moveTo(RequestStatus.IN_PROGRESS);
        begin(true, "exporting " + spec.format() + " from " + spec.products().size() + " products");
        CancellationScope work = Workflow.newCancellationScope(
                () -> fanOut.run(state.products(), ProductStep.EXPORT, StepContext.of(state, null)));
        controls.onCancel(work::cancel);
        try {
            work.run();
        } catch (CanceledFailure cancelled) {
            // the cancel update already recorded who cancelled
        }
        if (state.isFinal()) {
            Workflow.newDetachedCancellationScope(() -> packaging.purge(spec.id()))
                    .run();
            end(state.status(), "ENDED", "staging area purged after cancellation");
            return;
        }
        Instant expiresAt = WorkflowClock.now().plus(spec.policy().linkTtl());
        boolean byReference = state.products().size() > new ProductBatches(state, products).size();
        PackageInfo pkg = packaging.build(new PackageRequest(
                spec.id(),
                spec.subjectKey(),
                spec.format(),
                state.products().stream()
                        .map(task -> exported(task, byReference))
                        .toList(),
                expiresAt));
        state.setDownload(new DownloadInfo(pkg.token(), pkg.expiresAt(), pkg.sha256(), pkg.bytes(), false));
        end(
                RequestStatus.COMPLETED,
                "PACKAGE_READY",
                pkg.files() + " files, " + pkg.items() + " items, " + pkg.bytes() + " bytes; link valid until "
                        + pkg.expiresAt());
        // the package is purged at expiry by the ledger's sweep (PackageExpiry), not by a timer here: a
        // timer is lost when the in-memory server restarts, and the request is complete already
    }

    /**
     * One product's part of the packaging input. A request over the batch size names the staged
     * manifests of its exported products instead of carrying them (2,000 products with 8 files
     * each would exceed Temporal's 2 MB payload limit); only the activity's input differs, not the
     * workflow's commands, so replays of either form agree.
     */
    private ProductExport exported(ProductTaskState task, boolean byReference) {
        String name = catalog.find(task.product())
                .map(ProductSettings::descriptor)
                .map(d -> d.displayName())
                .orElse(task.product());
        ExportManifest manifest = task.result() == null ? null : task.result().export();
        if (byReference && manifest != null) {
            return ProductExport.staged(task.product(), name, task.status().name());
        }
        return new ProductExport(task.product(), name, task.status().name(), manifest);
    }
}
