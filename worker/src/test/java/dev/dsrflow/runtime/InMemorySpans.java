package dev.dsrflow.runtime;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.inject.Singleton;

/** Keeps every finished span in memory, for a runtime started with {@code test.in-memory-spans=true}. */
@Factory
@Requires(property = "test.in-memory-spans", value = "true")
class InMemorySpans {
    static final InMemorySpanExporter EXPORTER = InMemorySpanExporter.create();

    @Singleton
    SpanProcessor inMemorySpans() {
        return SimpleSpanProcessor.create(EXPORTER);
    }
}
