package dev.dsrflow.api.testing;

import dev.dsrflow.codec.CodecKeys;
import dev.dsrflow.codec.EncryptedDataConverter;
import dev.dsrflow.ledger.LedgerActivitiesImpl;
import dev.dsrflow.ledger.LedgerStore;
import dev.dsrflow.temporal.LocalWorkers;
import dev.dsrflow.temporal.TaskQueues;
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

/**
 * Test wiring: an in-process Temporal test server (a real TestWorkflowEnvironment) with the
 * fake request workflows and the real ledger activity on the orchestrator queue, exposed as the
 * application's Temporal beans; and one "running" product worker.
 */
@Factory
@Requires(env = "test")
@Requires(missingProperty = "test.temporal-down")
public class TemporalTestFactory {
    /** The product whose worker the tests report as online. */
    public static final String ONLINE_PRODUCT = "messaging";

    @Singleton
    @Bean(preDestroy = "close")
    TestWorkflowEnvironment testWorkflowEnvironment(CodecKeys keys, LedgerStore ledger) {
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setWorkflowClientOptions(WorkflowClientOptions.newBuilder()
                        .setDataConverter(EncryptedDataConverter.create(keys))
                        .build())
                .build());
        Worker worker = env.newWorker(TaskQueues.ORCHESTRATOR);
        worker.registerWorkflowImplementationTypes(FakeRequests.implementations());
        worker.registerActivitiesImplementations(new LedgerActivitiesImpl(ledger));
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

    @Singleton
    LocalWorkers localWorkers() {
        return queue -> queue.equals(TaskQueues.product(ONLINE_PRODUCT));
    }
}
