package dev.dsrflow.api.observability;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Metrics, traces and deadline notices ({@code dsrflow.observability}).
 *
 * @param metricsAnonymous {@code /metrics} answers without credentials; only where the network
 *     already keeps the port away from anyone but Prometheus (otherwise it needs the METRICS role)
 * @param refreshInterval how often the ledger's open-request gauges are recomputed (one grouped
 *     query over open requests, served from memory between scrapes)
 * @param temporalReportInterval how often the Temporal SDK's metrics reach the registry
 * @param otlpEndpoint where traces go over OTLP/HTTP (e.g. {@code http://collector:4318}); none:
 *     tracing is off unless a test adds a span processor
 * @param serviceName the {@code service.name} of exported spans
 * @param deadlineWebhook the URL a deadline warning or breach is POSTed to (JSON, no identifiers);
 *     none: no notice is sent (the ledger event stays)
 * @param deadlineEmail the privacy-ops address a deadline warning or breach is mailed to, through
 *     the SMTP relay of the subjects' notices (no identifiers); none: no mail
 * @param noticeScanInterval how often the ledger is scanned for deadline events without a notice
 */
@ConfigurationProperties("dsrflow.observability")
public record ObservabilitySettings(
        @Bindable(defaultValue = "false") boolean metricsAnonymous,
        @NotNull @Bindable(defaultValue = "30s") Duration refreshInterval,
        @NotNull @Bindable(defaultValue = "10s") Duration temporalReportInterval,
        @Nullable String otlpEndpoint,
        @NotNull @Bindable(defaultValue = "dsrflow") String serviceName,
        @Nullable String deadlineWebhook,
        @Nullable String deadlineEmail,
        @NotNull @Bindable(defaultValue = "30s") Duration noticeScanInterval) {

    boolean exportsTraces() {
        return otlpEndpoint != null && !otlpEndpoint.isBlank();
    }

    boolean sendsDeadlineNotices() {
        return deadlineWebhook != null && !deadlineWebhook.isBlank();
    }

    boolean mailsDeadlineNotices() {
        return deadlineEmail != null && !deadlineEmail.isBlank();
    }
}
