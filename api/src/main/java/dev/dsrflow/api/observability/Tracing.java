package dev.dsrflow.api.observability;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.opentracingshim.OpenTracingShim;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.temporal.common.interceptors.WorkerInterceptor;
import io.temporal.common.interceptors.WorkflowClientInterceptor;
import io.temporal.opentracing.OpenTracingClientInterceptor;
import io.temporal.opentracing.OpenTracingOptions;
import io.temporal.opentracing.OpenTracingWorkerInterceptor;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * OpenTelemetry traces: one trace from the HTTP call through the workflow to each product
 * activity and ledger write. Temporal's OpenTracing interceptors (over OpenTelemetry's
 * OpenTracing shim) carry the W3C trace context in Temporal headers, so it crosses into every
 * worker process; spans go to the OTLP endpoint when one is configured.
 */
@Factory
@Requires(condition = TracingEnabled.class)
class Tracing {

    @Singleton
    @Bean(preDestroy = "close")
    OpenTelemetrySdk openTelemetry(ObservabilitySettings settings, List<SpanProcessor> processors) {
        SdkTracerProviderBuilder provider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault()
                        .merge(Resource.create(Attributes.of(
                                io.opentelemetry.api.common.AttributeKey.stringKey("service.name"),
                                settings.serviceName()))));
        if (settings.exportsTraces()) {
            String endpoint = settings.otlpEndpoint().replaceAll("/+$", "");
            provider.addSpanProcessor(BatchSpanProcessor.builder(OtlpHttpSpanExporter.builder()
                            .setEndpoint(endpoint.endsWith("/v1/traces") ? endpoint : endpoint + "/v1/traces")
                            .build())
                    .build());
        }
        processors.forEach(provider::addSpanProcessor);
        return OpenTelemetrySdk.builder()
                .setTracerProvider(provider.build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
    }

    @Singleton
    io.opentracing.Tracer openTracingTracer(OpenTelemetry openTelemetry) {
        return OpenTracingShim.createTracerShim(openTelemetry);
    }

    @Singleton
    OpenTracingOptions openTracingOptions(io.opentracing.Tracer tracer) {
        return OpenTracingOptions.newBuilder()
                .setTracer(tracer)
                .setSpanBuilderProvider(new RequestSpans())
                .build();
    }

    @Singleton
    WorkflowClientInterceptor tracingClientInterceptor(OpenTracingOptions options) {
        return new OpenTracingClientInterceptor(options);
    }

    @Singleton
    WorkerInterceptor tracingWorkerInterceptor(OpenTracingOptions options) {
        return new OpenTracingWorkerInterceptor(options);
    }
}
