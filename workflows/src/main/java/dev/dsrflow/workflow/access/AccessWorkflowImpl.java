package dev.dsrflow.workflow.access;

import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.product.Capability;
import dev.dsrflow.product.ProductCatalog;
import dev.dsrflow.product.ProductSettings;
import dev.dsrflow.report.AccessReportActivities;
import dev.dsrflow.report.AccessReportInput;
import dev.dsrflow.report.AccessReportRef;
import dev.dsrflow.workflow.lifecycle.CancelRule;
import dev.dsrflow.workflow.lifecycle.FanOutStep;
import dev.dsrflow.workflow.lifecycle.OrchestratorActivities;
import dev.dsrflow.workflow.lifecycle.ProductTaskState;
import dev.dsrflow.workflow.lifecycle.RequestWorkflowBase;
import dev.dsrflow.workflow.lifecycle.StepContext;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;

/** Locate fan-out, then the access report. */
public final class AccessWorkflowImpl extends RequestWorkflowBase implements AccessWorkflow {
    private final ProductCatalog catalog;
    private final AccessReportActivities reports = OrchestratorActivities.stub(AccessReportActivities.class);
    private final AccessReportActivities localReports = OrchestratorActivities.localStub(AccessReportActivities.class);

    public AccessWorkflowImpl(ProductCatalog catalog, RequestSpec spec) {
        super(spec, catalog, Capability.LOCATE, CancelRule.BEFORE_COMPLETION);
        this.catalog = catalog;
    }

    @Override
    public void run(RequestSpec spec) {
        state.moveTo(RequestStatus.IN_PROGRESS);
        begin(true, "locating data in " + spec.products().size() + " products");
        CancellationScope work = Workflow.newCancellationScope(
                () -> fanOut.run(state.products(), FanOutStep.LOCATE, StepContext.of(spec, null)));
        controls.onCancel(work::cancel);
        try {
            work.run();
        } catch (CanceledFailure cancelled) {
            finish(RequestStatus.CANCELLED, "ENDED", "cancelled while locating");
            return;
        }
        if (state.isFinal()) {
            finish(state.status(), "ENDED", "ended by an operator");
            return;
        }
        // from the journal's batching version on, the report is built in a local activity
        AccessReportActivities reportStep = journal.batching() ? localReports : reports;
        AccessReportRef ref = reportStep.build(new AccessReportInput(
                spec.id(),
                spec.subjectKey(),
                spec.jurisdiction().name(),
                state.products().stream().map(this::inventory).toList()));
        state.setReportBlob(ref.jsonBlob());
        finish(
                RequestStatus.COMPLETED,
                "COMPLETED",
                "report with " + ref.totalItems() + " items in " + ref.categories() + " categories stored as "
                        + ref.jsonBlob());
    }

    private AccessReportInput.ProductInventory inventory(ProductTaskState task) {
        String name = catalog.find(task.product())
                .map(ProductSettings::descriptor)
                .map(d -> d.displayName())
                .orElse(task.product());
        return new AccessReportInput.ProductInventory(
                task.product(),
                name,
                task.status().name(),
                task.result() == null ? null : task.result().inventory());
    }
}
