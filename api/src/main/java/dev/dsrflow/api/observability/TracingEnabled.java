package dev.dsrflow.api.observability;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;

/**
 * Tracing is on when an OTLP endpoint is configured ({@code dsrflow.observability.otlp-endpoint})
 * or when {@code dsrflow.observability.local-spans} asks for spans to go only to in-process span
 * processors (tests). Off, no tracer, interceptor or filter exists: no cost at all.
 */
public final class TracingEnabled implements Condition {
    @Override
    public boolean matches(ConditionContext context) {
        var resolver = context.getBeanContext() instanceof io.micronaut.core.value.PropertyResolver r ? r : null;
        if (resolver == null) {
            return false;
        }
        String endpoint = resolver.get("dsrflow.observability.otlp-endpoint", String.class)
                .orElse("");
        boolean local =
                resolver.get("dsrflow.observability.local-spans", Boolean.class).orElse(false);
        return !endpoint.isBlank() || local;
    }
}
