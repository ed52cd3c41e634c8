package dev.dsrflow.api.testing;

import dev.dsrflow.blob.BlobStore;
import dev.dsrflow.certificate.CertificateSigner;
import dev.dsrflow.codec.CodecKeys;
import dev.dsrflow.codec.EncryptedDataConverter;
import dev.dsrflow.codec.SealedContacts;
import dev.dsrflow.demo.DemoProduct;
import dev.dsrflow.demo.DemoProductHandler;
import dev.dsrflow.demo.DemoProducts;
import dev.dsrflow.ledger.LedgerStore;
import dev.dsrflow.model.SubjectKey;
import dev.dsrflow.notification.MailTransport;
import dev.dsrflow.notification.NoticeMail;
import dev.dsrflow.notification.NoticeObserver;
import dev.dsrflow.notification.NoticeOutbox;
import dev.dsrflow.notification.SubjectNoticeActivitiesImpl;
import dev.dsrflow.notification.VerificationCodes;
import dev.dsrflow.packaging.DownloadLinks;
import dev.dsrflow.product.ProductCatalog;
import dev.dsrflow.product.ProductSettings;
import dev.dsrflow.product.activity.ProductActivitiesImpl;
import dev.dsrflow.temporal.LocalWorkers;
import dev.dsrflow.temporal.TaskQueues;
import dev.dsrflow.workflow.OrchestratorWorkflows;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Test wiring: the Java Temporal test server (a real TestWorkflowEnvironment, time not skipped
 * unless a caller waits on a workflow's result) running the real request workflows and hold
 * registry with the real orchestrator activities (ledger, packaging, reports, certificates,
 * notifications), exposed as the application's Temporal beans. Each automated product of the
 * test catalogue is the demo product of that name on the test's PostgreSQL, behind the real
 * product adapter, on a worker of its own queue; {@code legacy} is manual and has no worker.
 * The store of {@link #BROKEN_PRODUCT} is down (its tables were never created), so its tasks
 * fail after their one attempt and wait for an operator: the FAILED product the tests steer.
 */
@Factory
@Requires(env = "test")
@Requires(missingProperty = "test.temporal-down")
public class TemporalTestFactory {
    /** The product whose store is down: every task of it ends FAILED. */
    public static final String BROKEN_PRODUCT = "content";

    private final Set<String> polledQueues = new HashSet<>();

    @Singleton
    @Bean(preDestroy = "close")
    TestWorkflowEnvironment testWorkflowEnvironment(
            CodecKeys keys,
            LedgerStore ledger,
            ProductCatalog catalog,
            BlobStore blobs,
            DownloadLinks links,
            CertificateSigner signer,
            SubjectKey subjectKey,
            DataSource db,
            SealedContacts contacts,
            NoticeMail mail,
            VerificationCodes codes,
            MailTransport transport) {
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setWorkflowClientOptions(WorkflowClientOptions.newBuilder()
                        .setDataConverter(EncryptedDataConverter.create(keys))
                        .build())
                .build());
        Worker orchestrator = env.newWorker(TaskQueues.ORCHESTRATOR);
        OrchestratorWorkflows.register(orchestrator);
        OrchestratorWorkflows.registerActivities(
                orchestrator, env.getWorkflowClient(), ledger, blobs, links, signer, subjectKey);
        orchestrator.registerActivitiesImplementations(new SubjectNoticeActivitiesImpl(
                ledger, contacts, new NoticeOutbox(db), mail, codes, transport, blobs, NoticeObserver.NONE));
        for (ProductSettings product : catalog.all()) {
            if (!product.descriptor().automated()) {
                continue;
            }
            DemoProduct definition = DemoProducts.definition(product.id());
            if (!product.id().equals(BROKEN_PRODUCT)) {
                DemoProducts.install(db, definition);
            }
            String queue = TaskQueues.product(product.id());
            env.newWorker(queue)
                    .registerActivitiesImplementations(
                            new ProductActivitiesImpl(new DemoProductHandler(db, definition), blobs));
            polledQueues.add(queue);
        }
        env.start();
        return env;
    }

    @Singleton
    @Replaces(WorkflowServiceStubs.class)
    WorkflowServiceStubs workflowServiceStubs(TestWorkflowEnvironment env) {
        return env.getWorkflowServiceStubs();
    }

    @Singleton
    @Replaces(WorkflowClient.class)
    WorkflowClient workflowClient(TestWorkflowEnvironment env) {
        return env.getWorkflowClient();
    }

    /** The test server cannot describe task queues: the product queues with a worker above are online. */
    @Singleton
    LocalWorkers localWorkers(TestWorkflowEnvironment env) {
        return polledQueues::contains;
    }
}
