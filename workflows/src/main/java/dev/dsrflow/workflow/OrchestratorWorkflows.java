package dev.dsrflow.workflow;

import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.product.ProductCatalog;
import dev.dsrflow.workflow.access.AccessWorkflow;
import dev.dsrflow.workflow.access.AccessWorkflowImpl;
import dev.dsrflow.workflow.deletion.DeletionWorkflow;
import dev.dsrflow.workflow.deletion.DeletionWorkflowImpl;
import dev.dsrflow.workflow.download.DownloadWorkflow;
import dev.dsrflow.workflow.download.DownloadWorkflowImpl;
import dev.dsrflow.workflow.holds.HoldRegistryWorkers;
import dev.dsrflow.workflow.holds.HoldRegistryWorkflowImpl;
import dev.dsrflow.workflow.preservation.PreservationWorkflow;
import dev.dsrflow.workflow.preservation.PreservationWorkflowImpl;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkflowImplementationOptions;

/**
 * Registers every dsrflow workflow on the orchestrator's worker ({@code TaskQueues.ORCHESTRATOR}).
 * Each request workflow is built from its input ({@link RequestSpec}) and the product catalog,
 * so its state exists before any update or query arrives. The same worker must also register
 * the orchestrator-side activities: {@code LedgerActivitiesImpl(LedgerStore)} (called as a local
 * activity), {@code PackagingActivitiesImpl(BlobStore, DownloadLinks)},
 * {@code AccessReportActivitiesImpl(BlobStore)}, {@code CertificateActivitiesImpl(CertificateSigner)},
 * {@code BlobOutboxNotifications(BlobStore)} (or another {@code NotificationActivities}) and {@code HoldRegistryActivitiesImpl(WorkflowClient, TaskQueues.ORCHESTRATOR)}.
 */
public final class OrchestratorWorkflows {
  private OrchestratorWorkflows() {}

  /** Registers the four request workflows and the hold registry. */
  public static void register(Worker worker, ProductCatalog catalog) {
    register(worker, catalog, HoldRegistryWorkflowImpl.DEFAULT_MAX_HISTORY);
  }

  /** As {@link #register(Worker, ProductCatalog)}, with the registry's history bound (tests lower it). */
  public static void register(Worker worker, ProductCatalog catalog, int registryMaxHistory) {
    WorkflowImplementationOptions options = WorkflowImplementationOptions.newBuilder().build();
    worker.registerWorkflowImplementationFactory(AccessWorkflow.class,
        args -> new AccessWorkflowImpl(catalog, args.get(0, RequestSpec.class)), options);
    worker.registerWorkflowImplementationFactory(DownloadWorkflow.class,
        args -> new DownloadWorkflowImpl(catalog, args.get(0, RequestSpec.class)), options);
    worker.registerWorkflowImplementationFactory(DeletionWorkflow.class,
        args -> new DeletionWorkflowImpl(catalog, args.get(0, RequestSpec.class)), options);
    worker.registerWorkflowImplementationFactory(PreservationWorkflow.class,
        args -> new PreservationWorkflowImpl(catalog, args.get(0, RequestSpec.class)), options);
    HoldRegistryWorkers.register(worker, registryMaxHistory);
  }
}
