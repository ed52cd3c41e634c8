package dev.dsrflow.api.config;

import dev.dsrflow.codec.CodecKeys;
import dev.dsrflow.codec.EncryptedDataConverter;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import jakarta.inject.Singleton;

/** The Temporal connection and client, with payload encryption, shared by API and workers. */
@Factory
class TemporalFactory {

  @Singleton
  @Bean(preDestroy = "shutdown")
  WorkflowServiceStubs workflowServiceStubs(TemporalSettings settings) {
    return WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(settings.address()).build());
  }

  @Singleton
  WorkflowClient workflowClient(WorkflowServiceStubs stubs, TemporalSettings settings, CodecKeys keys) {
    return WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder()
        .setNamespace(settings.namespace())
        .setDataConverter(EncryptedDataConverter.create(keys))
        .build());
  }
}
