package dev.dsrflow.api.observability;

import dev.dsrflow.ledger.LedgerEvent;
import dev.dsrflow.ledger.LedgerObserver;
import dev.dsrflow.ledger.LedgerStore;
import dev.dsrflow.ledger.RequestSnapshot;
import dev.dsrflow.model.ProductTaskStatus;
import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.model.RequestStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Counts what the ledger commits: requests filed and ended (by type, jurisdiction and outcome),
 * filing-to-completion time, product task outcomes and deferred hold claims, and the ledger's
 * write latency. Ledger writes are idempotent and report only what they stored, so a retried
 * write is never counted twice. Labels are types, statuses and product ids: never a request id
 * or a subject key.
 */
@Singleton
@Requires(beans = MeterRegistry.class)
class LedgerMetrics implements LedgerObserver, BeanCreatedEventListener<LedgerStore> {
    private static final Set<String> PRODUCT_OUTCOMES = Stream.of(ProductTaskStatus.values())
            .filter(s -> s != ProductTaskStatus.PENDING && s != ProductTaskStatus.RUNNING)
            .map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());
    /** Request completion spans minutes (automated products) to months (extended deadlines). */
    private static final Duration[] COMPLETION_BUCKETS = Stream.of(
                    "PT1S", "PT10S", "PT1M", "PT10M", "PT1H", "PT6H", "P1D", "P3D", "P7D", "P14D", "P30D", "P45D",
                    "P90D")
            .map(Duration::parse)
            .toArray(Duration[]::new);

    private final MeterRegistry registry;

    LedgerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public LedgerStore onCreated(BeanCreatedEvent<LedgerStore> event) {
        event.getBean().observe(this);
        return event.getBean();
    }

    @Override
    public void filed(RequestSpec spec) {
        Counter.builder("dsrflow.requests.filed")
                .description("Requests filed")
                .tag("type", spec.type().name())
                .tag("jurisdiction", spec.jurisdiction().name())
                .register(registry)
                .increment();
    }

    @Override
    public void recorded(RequestSnapshot snapshot, RequestStatus previous, List<LedgerEvent> stored) {
        if (previous != null && !previous.isFinal() && snapshot.status().isFinal()) {
            ended(snapshot);
        }
        for (LedgerEvent event : stored) {
            if (event.product() == null || !event.kind().startsWith("PRODUCT_")) {
                continue;
            }
            String outcome = event.kind().substring("PRODUCT_".length());
            if (PRODUCT_OUTCOMES.contains(outcome)) {
                Counter.builder("dsrflow.product.tasks")
                        .description("Product tasks that reached an outcome (DONE, NO_DATA, FAILED, DEFERRED, ...)")
                        .tag("product", event.product())
                        .tag("outcome", outcome)
                        .register(registry)
                        .increment();
            }
            if (outcome.equals(ProductTaskStatus.DEFERRED.name())) {
                Counter.builder("dsrflow.hold.claims.deferred")
                        .description("Erasures deferred because a legal hold covers the product")
                        .tag("product", event.product())
                        .register(registry)
                        .increment();
            }
        }
    }

    private void ended(RequestSnapshot s) {
        Counter.builder("dsrflow.requests.ended")
                .description("Requests that reached an end state (COMPLETED, CANCELLED, REJECTED, ...)")
                .tag("type", s.type().name())
                .tag("jurisdiction", s.jurisdiction().name())
                .tag("status", s.status().name())
                .register(registry)
                .increment();
        if (s.status() == RequestStatus.COMPLETED && s.completedAt() != null && s.receivedAt() != null) {
            Timer.builder("dsrflow.request.completion")
                    .description("Time from filing to completion")
                    .tag("type", s.type().name())
                    .serviceLevelObjectives(COMPLETION_BUCKETS)
                    .register(registry)
                    .record(Duration.between(s.receivedAt(), s.completedAt()));
        }
    }

    @Override
    public void wrote(String operation, long nanos, boolean ok) {
        Timer.builder("dsrflow.ledger.write")
                .description("Ledger write transactions")
                .tag("operation", operation)
                .tag("outcome", ok ? "success" : "failure")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }
}
