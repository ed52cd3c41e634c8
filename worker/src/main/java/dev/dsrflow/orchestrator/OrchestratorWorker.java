package dev.dsrflow.orchestrator;

import dev.dsrflow.blob.BlobStore;
import dev.dsrflow.certificate.CertificateSigner;
import dev.dsrflow.ledger.LedgerStore;
import dev.dsrflow.model.SubjectKey;
import dev.dsrflow.notification.NoticeObserver;
import dev.dsrflow.notification.NoticeOutbox;
import dev.dsrflow.notification.SubjectNoticeActivitiesImpl;
import dev.dsrflow.packaging.DownloadLinks;
import dev.dsrflow.temporal.TaskQueues;
import dev.dsrflow.workflow.OrchestratorWorkflows;
import dev.dsrflow.workflow.holds.HoldRegistryWorkers;
import dev.dsrflow.workflow.holds.HoldRegistryWorkflowImpl;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;

/**
 * The orchestrator worker: every request workflow and the hold registry, plus the activities
 * that run beside them (ledger, packaging, access reports, certificates, notifications,
 * hold-registry calls),
 * all on {@link TaskQueues#ORCHESTRATOR}, except new hold registries, which run on a worker and
 * queue of their own ({@link HoldRegistryWorkers#TASK_QUEUE}). Product work runs elsewhere, on
 * each product's queue.
 */
@Context
@Requires(property = "dsrflow.orchestrator.enabled", value = "true")
final class OrchestratorWorker {

    OrchestratorWorker(
            WorkerFactory factory,
            WorkflowClient client,
            LedgerStore ledger,
            BlobStore blobs,
            DownloadLinks links,
            CertificateSigner signer,
            SubjectKey subjectKey,
            SubjectMail mail,
            @Nullable NoticeObserver noticeMetrics) {
        Worker worker = factory.newWorker(
                TaskQueues.ORCHESTRATOR,
                WorkerOptions.newBuilder()
                        .setMaxConcurrentWorkflowTaskExecutionSize(64)
                        .setMaxConcurrentLocalActivityExecutionSize(64)
                        .build());
        OrchestratorWorkflows.register(worker);
        // the hold registry polls a queue of its own: deletions call it from local activities, which
        // keep their workflow task's slot until answered (see HoldRegistryWorkers.TASK_QUEUE); not
        // sticky, so a registry never waits on a dead orchestrator (see HoldRegistryWorkers.workerOptions)
        HoldRegistryWorkers.register(
                factory.newWorker(HoldRegistryWorkers.TASK_QUEUE, HoldRegistryWorkers.workerOptions()),
                HoldRegistryWorkflowImpl.DEFAULT_MAX_HISTORY);
        OrchestratorWorkflows.registerActivities(
                worker, client, ledger, blobs, links, signer, subjectKey, HoldRegistryWorkers.TASK_QUEUE);
        // notices to data subjects: the only place a request's sealed contact address is opened
        worker.registerActivitiesImplementations(new SubjectNoticeActivitiesImpl(
                ledger,
                mail.contacts(),
                new NoticeOutbox(mail.dataSource()),
                mail.notices(),
                mail.codes(),
                mail.transport(),
                blobs,
                noticeMetrics != null ? noticeMetrics : NoticeObserver.NONE));
    }
}
