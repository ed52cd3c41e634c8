package dev.dsrflow.api.observability;

import dev.dsrflow.notification.NoticeKind;
import dev.dsrflow.notification.NoticeObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * {@code dsrflow_notices_total}: notices sent to people or failed, by channel, kind and outcome.
 * The notices mailed to data subjects through the outbox count here (channel {@code email}, the
 * notice's kind), beside the deadline escalations ({@code webhook}, see {@link DeadlineNotices}).
 * Labels are the channel, kind and outcome: never a request id or an address.
 */
@Singleton
@Requires(beans = MeterRegistry.class)
class NoticeMetrics implements NoticeObserver {
    private final MeterRegistry registry;

    NoticeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void attempted(NoticeKind kind, boolean sent) {
        count(registry, "email", kind.name(), sent);
    }

    /** Counts one notice of this channel and kind, sent or failed. */
    static void count(MeterRegistry registry, String channel, String kind, boolean sent) {
        Counter.builder("dsrflow.notices")
                .description("Notices sent to people, by channel, kind and outcome")
                .tag("channel", channel)
                .tag("kind", kind)
                .tag("outcome", sent ? "sent" : "failed")
                .register(registry)
                .increment();
    }
}
