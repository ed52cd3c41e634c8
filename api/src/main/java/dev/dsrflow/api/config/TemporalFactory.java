package dev.dsrflow.api.config;

import com.uber.m3.tally.Scope;
import dev.dsrflow.codec.CodecKeys;
import dev.dsrflow.codec.EncryptedDataConverter;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Nullable;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.interceptors.WorkflowClientInterceptor;
import io.temporal.serviceclient.SimpleSslContextBuilder;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The Temporal connection and client, with payload encryption, shared by API and workers. */
@Factory
class TemporalFactory {

    @Singleton
    @Bean(preDestroy = "shutdown")
    WorkflowServiceStubs workflowServiceStubs(TemporalSettings settings, @Nullable @Named("temporal") Scope metrics) {
        WorkflowServiceStubsOptions.Builder options =
                WorkflowServiceStubsOptions.newBuilder().setTarget(settings.address());
        if (metrics != null) {
            options.setMetricsScope(metrics); // the SDK's client and worker metrics (api/observability)
        }
        TemporalSettings.Tls tls = settings.tls();
        if (tls != null && tls.enabled() && tls.clientCertPath() != null) {
            try (InputStream cert = Files.newInputStream(Path.of(tls.clientCertPath()));
                    InputStream key = Files.newInputStream(Path.of(tls.clientKeyPath()))) {
                options.setSslContext(
                        SimpleSslContextBuilder.forPKCS8(cert, key).build());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the Temporal client certificate or key", e);
            }
        } else if (settings.usesTls()) {
            options.setEnableHttps(true);
        }
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            String apiKey = settings.apiKey();
            options.addApiKey(() -> apiKey);
        }
        return WorkflowServiceStubs.newServiceStubs(options.build());
    }

    @Singleton
    WorkflowClient workflowClient(
            WorkflowServiceStubs stubs,
            TemporalSettings settings,
            CodecKeys keys,
            List<WorkflowClientInterceptor> interceptors) {
        return WorkflowClient.newInstance(
                stubs,
                WorkflowClientOptions.newBuilder()
                        .setNamespace(settings.namespace())
                        .setDataConverter(EncryptedDataConverter.create(keys))
                        // tracing, when on (api/observability)
                        .setInterceptors(interceptors.toArray(WorkflowClientInterceptor[]::new))
                        .build());
    }
}
