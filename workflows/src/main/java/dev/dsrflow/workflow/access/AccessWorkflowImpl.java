package dev.dsrflow.workflow.access;

import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.product.ProductSettings;
import dev.dsrflow.product.activity.ProductStep;
import dev.dsrflow.report.AccessReport;
import dev.dsrflow.report.AccessReportInput;
import dev.dsrflow.report.ReportKeys;
import dev.dsrflow.workflow.ClosingActivities;
import dev.dsrflow.workflow.lifecycle.CancelRule;
import dev.dsrflow.workflow.lifecycle.ProductTaskState;
import dev.dsrflow.workflow.lifecycle.RequestWorkflowBase;
import dev.dsrflow.workflow.lifecycle.StepContext;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;

/** Locate fan-out, then the access report. */
public final class AccessWorkflowImpl extends RequestWorkflowBase implements AccessWorkflow {

    public AccessWorkflowImpl(RequestSpec spec) {
        super(spec, ProductStep.LOCATE, CancelRule.BEFORE_COMPLETION);
    }

    @Override
    public void run(RequestSpec spec) {
        if (!identityVerified()) {
            return;
        }
        state.moveTo(RequestStatus.IN_PROGRESS);
        begin(true, "locating data in " + spec.products().size() + " products");
        CancellationScope work = Workflow.newCancellationScope(
                () -> fanOut.run(state.products(), ProductStep.LOCATE, StepContext.of(state, null)));
        controls.onCancel(work::cancel);
        try {
            work.run();
        } catch (CanceledFailure cancelled) {
            end(RequestStatus.CANCELLED, "ENDED", "cancelled while locating");
            return;
        }
        if (state.isFinal()) {
            end(state.status(), "ENDED", "ended by an operator");
            return;
        }
        AccessReportInput input = new AccessReportInput(
                spec.id(),
                spec.subjectKey(),
                spec.jurisdiction().name(),
                state.products().stream().map(this::inventory).toList());
        // the report's key and headline numbers are known here; it is built in the same local activity as the last
        // write
        AccessReport report = AccessReport.of(input);
        String blob = ReportKeys.json(spec.id());
        state.setReportBlob(blob);
        end(
                RequestStatus.COMPLETED,
                "COMPLETED",
                "report with " + report.totalItems() + " items in " + report.distinctCategories()
                        + " categories stored as " + blob,
                last -> {
                    closing.closeAccess(new ClosingActivities.AccessClosing(input, last));
                    return null;
                });
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
