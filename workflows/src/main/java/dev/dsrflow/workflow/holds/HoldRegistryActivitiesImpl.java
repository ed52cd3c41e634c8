package dev.dsrflow.workflow.holds;

import dev.dsrflow.workflow.WorkflowIds;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInfo;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.workflow.Functions;

/** Sends hold-registry Updates with update-with-start through a {@link WorkflowClient}. */
public final class HoldRegistryActivitiesImpl implements HoldRegistryActivities {
    private final WorkflowClient client;
    private final String taskQueue;

    /**
     * @param client the orchestrator's client (with the encrypted data converter)
     * @param taskQueue the queue the orchestrator worker polls for workflows
     */
    public HoldRegistryActivitiesImpl(WorkflowClient client, String taskQueue) {
        this.client = client;
        this.taskQueue = taskQueue;
    }

    @Override
    public HoldRegistryState placeHold(String subjectKey, HoldPlacement placement) {
        return send(subjectKey, HoldRegistryState.class, r -> r::placeHold, placement);
    }

    @Override
    public HoldRegistryState renewHold(String subjectKey, HoldChange change) {
        return send(subjectKey, HoldRegistryState.class, r -> r::renewHold, change);
    }

    @Override
    public HoldRegistryState endHold(String subjectKey, HoldChange change) {
        return send(subjectKey, HoldRegistryState.class, r -> r::endHold, change);
    }

    @Override
    public ClaimedProducts claimErases(EraseClaims claims, String updateId) {
        return send(claims.subjectKey(), ClaimedProducts.class, r -> r::claimErases, claims, updateId);
    }

    @Override
    public int releaseClaims(EraseClaims claims, String updateId) {
        return send(claims.subjectKey(), Integer.class, r -> r::releaseClaims, claims, updateId);
    }

    /** Under an update id derived from the calling (regular) activity. */
    private <A, R> R send(
            String subjectKey,
            Class<R> resultType,
            java.util.function.Function<HoldRegistryWorkflow, Functions.Func1<A, R>> update,
            A argument) {
        ActivityInfo info = Activity.getExecutionContext().getInfo();
        return send(
                subjectKey,
                resultType,
                update,
                argument,
                info.getWorkflowId() + "/" + info.getRunId() + "/" + info.getActivityId());
    }

    private <A, R> R send(
            String subjectKey,
            Class<R> resultType,
            java.util.function.Function<HoldRegistryWorkflow, Functions.Func1<A, R>> update,
            A argument,
            String updateId) {
        HoldRegistryWorkflow registry = client.newWorkflowStub(
                HoldRegistryWorkflow.class,
                WorkflowOptions.newBuilder()
                        .setWorkflowId(WorkflowIds.holds(subjectKey))
                        .setTaskQueue(taskQueue)
                        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                        .build());
        WithStartWorkflowOperation<Void> start =
                new WithStartWorkflowOperation<>(registry::run, HoldRegistryState.EMPTY);
        UpdateOptions<R> options = UpdateOptions.newBuilder(resultType)
                .setUpdateId(updateId)
                .setWaitForStage(WorkflowUpdateStage.COMPLETED)
                .build();
        return WorkflowClient.executeUpdateWithStart(update.apply(registry), argument, options, start);
    }
}
