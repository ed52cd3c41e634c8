package dev.dsrflow.api.observability;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The Temporal SDK's client and worker metrics ({@code temporal_*}: poll and task latencies,
 * schedule-to-start, slots, failures, by task queue) in the process's Micrometer registry. The
 * service stubs carry this scope; every worker of the process's factory reports through it.
 */
@Factory
@Requires(beans = MeterRegistry.class)
class TemporalMetrics {

    @Singleton
    @Named("temporal")
    @Bean(preDestroy = "close")
    Scope temporalMetricsScope(MeterRegistry registry, ObservabilitySettings settings) {
        return new RootScopeBuilder()
                .reporter(new MicrometerClientStatsReporter(registry))
                .reportEvery(com.uber.m3.util.Duration.ofMillis(
                        settings.temporalReportInterval().toMillis()));
    }
}
