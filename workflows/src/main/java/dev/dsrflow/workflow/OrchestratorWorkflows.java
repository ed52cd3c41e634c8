package dev.dsrflow.workflow;

import dev.dsrflow.blob.BlobStore;
import dev.dsrflow.certificate.CertificateActivitiesImpl;
import dev.dsrflow.certificate.CertificateSigner;
import dev.dsrflow.identity.SubjectKeyActivitiesImpl;
import dev.dsrflow.ledger.LedgerActivitiesImpl;
import dev.dsrflow.ledger.LedgerStore;
import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.model.SubjectKey;
import dev.dsrflow.notification.BlobOutboxNotifications;
import dev.dsrflow.packaging.DownloadLinks;
import dev.dsrflow.packaging.PackagingActivitiesImpl;
import dev.dsrflow.product.activity.ProductStep;
import dev.dsrflow.report.AccessReportActivitiesImpl;
import dev.dsrflow.temporal.TaskQueues;
import dev.dsrflow.workflow.access.AccessWorkflow;
import dev.dsrflow.workflow.access.AccessWorkflowImpl;
import dev.dsrflow.workflow.deletion.DeletionWorkflow;
import dev.dsrflow.workflow.deletion.DeletionWorkflowImpl;
import dev.dsrflow.workflow.deletion.EraseAndVerify;
import dev.dsrflow.workflow.download.DownloadWorkflow;
import dev.dsrflow.workflow.download.DownloadWorkflowImpl;
import dev.dsrflow.workflow.holds.HoldRegistryActivities;
import dev.dsrflow.workflow.holds.HoldRegistryActivitiesImpl;
import dev.dsrflow.workflow.holds.HoldRegistryWorkers;
import dev.dsrflow.workflow.holds.HoldRegistryWorkflowImpl;
import dev.dsrflow.workflow.lifecycle.ProductBatchWorkflow;
import dev.dsrflow.workflow.lifecycle.ProductBatchWorkflowImpl;
import dev.dsrflow.workflow.preservation.PreservationWorkflow;
import dev.dsrflow.workflow.preservation.PreservationWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkflowImplementationOptions;
import java.util.Map;

/**
 * Registers every dsrflow workflow on the orchestrator's worker ({@code TaskQueues.ORCHESTRATOR}).
 * Each request workflow is built from its input ({@link RequestSpec}, with its recorded product catalogue),
 * so its state exists before any update or query arrives. The same worker also needs the
 * orchestrator-side activities, registered by {@link #registerActivities}.
 */
public final class OrchestratorWorkflows {
    private OrchestratorWorkflows() {}

    /**
     * Registers the activities that run beside the workflows: ledger writes, a request's closing
     * step (last write, access report or deletion certificate, notice to a blob outbox), packaging,
     * the subject keys of a resolved subject ({@code subjectKey} holds the HMAC secret) and the
     * hold-registry calls.
     */
    public static void registerActivities(
            Worker worker,
            WorkflowClient client,
            LedgerStore ledger,
            BlobStore blobs,
            DownloadLinks links,
            CertificateSigner signer,
            SubjectKey subjectKey) {
        registerActivities(worker, client, ledger, blobs, links, signer, subjectKey, TaskQueues.ORCHESTRATOR);
    }

    /**
     * As above, starting new hold registries on {@code registryQueue}: pass
     * {@link HoldRegistryWorkers#TASK_QUEUE} and register the registry on a worker of its own
     * polling it ({@code HoldRegistryWorkers.register}), so the deletions' local-activity calls to
     * the registry never wait behind their own workflow tasks' slots.
     */
    public static void registerActivities(
            Worker worker,
            WorkflowClient client,
            LedgerStore ledger,
            BlobStore blobs,
            DownloadLinks links,
            CertificateSigner signer,
            SubjectKey subjectKey,
            String registryQueue) {
        registerActivities(
                worker,
                new HoldRegistryActivitiesImpl(client, registryQueue),
                ledger,
                blobs,
                links,
                signer,
                subjectKey);
    }

    /** As above, with the hold-registry calls given (tests wrap the real ones). */
    public static void registerActivities(
            Worker worker,
            HoldRegistryActivities registry,
            LedgerStore ledger,
            BlobStore blobs,
            DownloadLinks links,
            CertificateSigner signer,
            SubjectKey subjectKey) {
        LedgerActivitiesImpl ledgerActivities = new LedgerActivitiesImpl(ledger);
        worker.registerActivitiesImplementations(
                ledgerActivities,
                new ClosingActivitiesImpl(
                        ledgerActivities,
                        new AccessReportActivitiesImpl(blobs),
                        new CertificateActivitiesImpl(signer),
                        new BlobOutboxNotifications(blobs)),
                new PackagingActivitiesImpl(blobs, links),
                new SubjectKeyActivitiesImpl(subjectKey),
                registry);
    }

    /**
     * Registers the four request workflows, their product batches and the hold registry. No
     * product catalogue: each request carries the one it recorded at filing.
     */
    public static void register(Worker worker) {
        register(worker, HoldRegistryWorkflowImpl.DEFAULT_MAX_HISTORY);
    }

    /** As {@link #register(Worker)}, with the registry's history bound (tests lower it). */
    public static void register(Worker worker, int registryMaxHistory) {
        WorkflowImplementationOptions options =
                WorkflowImplementationOptions.newBuilder().build();
        worker.registerWorkflowImplementationFactory(
                AccessWorkflow.class, args -> new AccessWorkflowImpl(args.get(0, RequestSpec.class)), options);
        worker.registerWorkflowImplementationFactory(
                DownloadWorkflow.class, args -> new DownloadWorkflowImpl(args.get(0, RequestSpec.class)), options);
        worker.registerWorkflowImplementationFactory(
                DeletionWorkflow.class, args -> new DeletionWorkflowImpl(args.get(0, RequestSpec.class)), options);
        worker.registerWorkflowImplementationFactory(
                PreservationWorkflow.class,
                args -> new PreservationWorkflowImpl(args.get(0, RequestSpec.class)),
                options);
        worker.registerWorkflowImplementationFactory(
                ProductBatchWorkflow.class,
                () -> new ProductBatchWorkflowImpl(Map.of(ProductStep.ERASE, EraseAndVerify.inBatch())),
                options);
        HoldRegistryWorkers.register(worker, registryMaxHistory);
    }
}
